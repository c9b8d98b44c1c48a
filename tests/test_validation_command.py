"""`teikit validate` as editors run it: messages with file:line:column, summary, exit codes."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, ROOT

from teikit.cli import main

SMALL = FIXTURES / "validation" / "small"
PROBE = FIXTURES / "validation" / "probes" / "hand-added.xml"
LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning|info): \[(?P<rule>[^\]]+)\] (?P<message>.+) \(at (?P<path>/[^)]*)\)$")


def run(*args: str):
    result = CliRunner().invoke(main, ["validate", *map(str, args)], prog_name="teikit", catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


@pytest.fixture
def edition(tmp_path):
    """A copy of the sample edition (documents and registers)."""
    shutil.copytree(ROOT / "tei", tmp_path / "tei", ignore=shutil.ignore_patterns(".*"))
    return tmp_path / "tei"


def test_the_sample_edition_is_valid(edition):
    result = run(edition)
    assert result.exit_code == 0, result.output
    assert re.search(r"\d+ file\(s\): (\d+) valid, 0 with errors; 0 error\(s\)", result.stdout)


def test_each_problem_is_one_line_with_file_line_column_severity_rule_and_path(tmp_path):
    doc = tmp_path / "probe.xml"
    doc.write_text(PROBE.read_text(encoding="utf-8").replace("<emph>never</emph>", "<persName> </persName>"), encoding="utf-8")
    result = run(doc)
    assert result.exit_code == 1
    problems = [LINE.match(line) for line in result.stdout.splitlines() if ": error: " in line]
    assert [(m["rule"], m["severity"], m["message"]) for m in problems] == [("persName-not-empty", "error", "empty persName")]
    [m] = problems
    assert m["file"] == str(doc)
    line_text = doc.read_text(encoding="utf-8").splitlines()[int(m["line"]) - 1]
    assert line_text[int(m["column"]) - 1 :].startswith("<persName> </persName>")
    assert m["path"] == "/TEI/text[1]/body[1]/div[1]/p[1]/persName[1]"


def test_a_summary_table_ends_the_report(edition):
    result = run(edition / "1918-06-02-lenin-to-joffe.xml")
    assert "checked against: teikit.rng, teikit.sch\n" in result.stdout
    assert "1918-06-02-lenin-to-joffe.xml" in result.stdout.split("teikit validate")[1]
    assert result.stdout.rstrip().endswith("0 error(s), 0 warning(s), 0 info")


def test_a_grammar_error_is_reported_by_the_schema(edition):
    doc = edition / "1922-04-24-lenin-to-stalin.xml"
    doc.write_text(doc.read_text(encoding="utf-8").replace("<salute>", "<salute><app>x</app>", 1), encoding="utf-8")
    result = run(doc)
    assert result.exit_code == 1
    assert any(m and m["rule"].startswith("rng:") for m in map(LINE.match, result.stdout.splitlines()))


def test_a_file_that_is_not_well_formed_is_reported_and_the_others_still_checked(edition):
    broken = edition / "broken.xml"
    broken.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0">\n  <text><p>unclosed</text>\n</TEI>\n')
    result = run(edition)
    assert result.exit_code == 1
    assert re.search(rf"^{re.escape(str(broken))}:2:\d+: error: \[well-formed\] not well-formed XML: ", result.stdout, re.MULTILINE)
    assert "1918-06-02-lenin-to-joffe.xml" in result.stdout
    assert "not well-formed" in result.stdout.split("teikit validate")[1]


def test_a_missing_file_exits_2_and_the_others_are_still_checked(edition, tmp_path):
    result = run(tmp_path / "missing.xml", edition / "1918-06-02-lenin-to-joffe.xml")
    assert result.exit_code == 2
    assert f"{tmp_path / 'missing.xml'}: error: [unreadable] no such file" in result.stdout
    assert "1 valid" in result.stdout


def test_json_report(edition):
    result = run(edition / "1918-06-02-lenin-to-joffe.xml", SMALL / "letters.xml", "--format", "json")
    report = json.loads(result.stdout)
    assert report["schemas"] == ["teikit.rng", "teikit.sch"]
    assert report["summary"]["files"] == 2 and report["summary"]["valid"] == 1
    [joffe, letters] = report["files"]
    assert joffe["status"] == "valid" and joffe["problems"] == []
    assert letters["status"] == "invalid"
    assert set(letters["problems"][0]) == {"rule_id", "severity", "message", "location", "line", "column", "source"}


def test_any_relax_ng_schema_replaces_the_defaults(tmp_path):
    result = run("--schema", SMALL / "letters.rng", SMALL / "letters.xml")
    assert result.exit_code == 1
    [line] = [line for line in result.stdout.splitlines() if ": error: " in line]
    assert line.startswith(f"{SMALL / 'letters.xml'}:3:3: error: [rng:")
    assert "teikit.sch" not in result.stdout


def test_any_schematron_may_be_given(tmp_path):
    sch = tmp_path / "n.sch"
    sch.write_text('<schema xmlns="http://purl.oclc.org/dsdl/schematron"><ns prefix="t" uri="urn:test"/>'
                   '<pattern><rule context="t:letter"><assert id="numeric" test="@n castable as xs:integer" role="warning">n is not a number</assert></rule></pattern></schema>')
    result = run("--schematron", sch, SMALL / "letters.xml")
    assert result.exit_code == 0  # warnings only
    assert f"{SMALL / 'letters.xml'}:3:3: warning: [numeric] n is not a number (at /letters/letter[2])" in result.stdout


def test_params_override_the_period(edition):
    doc = edition / "1918-06-02-lenin-to-joffe.xml"
    assert run(doc, "--param", "period-start=1920-01-01").exit_code == 1
    assert run(doc, "--param", "period-start=1900-01-01").exit_code == 0


def test_an_unknown_param_is_a_usage_error(edition):
    result = run(edition, "--param", "nope=1")
    assert result.exit_code == 2
    assert re.fullmatch(r"error: no Schematron in use declares nope \(parameters: .*period-end, period-start.*\)", result.stderr.strip())


def test_a_param_without_a_value_is_a_usage_error(edition):
    assert run(edition, "--param", "period-start").exit_code == 2


def test_an_unknown_phase_is_a_usage_error(edition):
    result = run(edition, "--phase", "nightly")
    assert result.exit_code == 2
    assert "no phase 'nightly' in this Schematron (phases: document, registers, #ALL)" in result.stderr


def test_a_schema_that_does_not_exist_is_a_usage_error(edition, tmp_path):
    result = run(edition, "--schema", tmp_path / "none.rng")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {tmp_path / 'none.rng'}: no such file"


def test_the_report_can_be_written_to_a_file(edition, tmp_path):
    out = tmp_path / "report.json"
    result = run(edition, "--format", "json", "-o", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text())["summary"]["errors"] == 0


def test_help_shows_examples():
    result = run("--help")
    assert "Examples:" in result.stdout and "--tei-all" in result.stdout


def test_tei_all_option_adds_a_grammar_and_its_embedded_rules_to_the_defaults():
    """`--tei-all` takes any .rng; a small one with embedded sch: rules stands in for tei_all here."""
    result = run(SMALL / "letters.xml", "--tei-all", SMALL / "letters-with-rules.rng")
    assert result.exit_code == 1
    rules = [m["rule"] for m in map(LINE.match, result.stdout.splitlines()) if m]
    assert "rng:typeval" in rules  # the extra grammar
    assert "letter-text" in rules  # its embedded Schematron
    assert "checked against: teikit.rng, letters-with-rules.rng, teikit.sch, letters-with-rules.rng (embedded rules)\n" in result.stdout


def test_schematron_embedded_in_a_relax_ng_schema_can_be_run_alone():
    result = run("--schematron", SMALL / "letters-with-rules.rng", SMALL / "letters.xml")
    assert result.exit_code == 0
    assert f"{SMALL / 'letters.xml'}:3:3: warning: [letter-text] letter two says only b (at /letters/letter[2])" in result.stdout


def test_a_phase_applies_only_to_the_schematrons_that_declare_it(tmp_path):
    doc = tmp_path / "probe.xml"
    doc.write_text(PROBE.read_text(encoding="utf-8").replace("<emph>never</emph>", "<persName> </persName>"), encoding="utf-8")
    result = run(doc, "--phase", "document", "--tei-all", SMALL / "letters-with-rules.rng")
    assert "[persName-not-empty]" in result.stdout  # teikit.sch, phase document
    assert "phase document" in result.stdout


def test_several_processes_give_the_same_report_as_one(edition, tmp_path):
    broken = edition / "broken.xml"
    broken.write_text("<TEI>\n<unclosed></TEI>\n")
    one = run(edition, "--format", "json", "-j", "1")
    two = run(edition, "--format", "json", "-j", "2")
    assert one.exit_code == two.exit_code == 1
    assert json.loads(one.stdout) == json.loads(two.stdout)


@pytest.mark.parametrize("name", ["registers", "edition"])
def test_the_parameters_teikit_sets_itself_cannot_be_given(edition, name):
    result = run(edition / "1918-06-02-lenin-to-joffe.xml", "--param", f"{name}=x")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: --param {name}: set by teikit itself (the edition's registers and documents, parsed safely), not on the command line"


@pytest.mark.parametrize("value", ["1926-02-30", "1926", "soon"])
def test_a_period_that_is_not_an_iso_date_is_a_usage_error(edition, value):
    result = run(edition / "1918-06-02-lenin-to-joffe.xml", "--param", f"period-end={value}")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: --param period-end={value}: not an ISO date (YYYY-MM-DD)"


def test_a_report_file_that_cannot_be_written_is_a_one_line_usage_error(edition, tmp_path):
    blocker = tmp_path / "afile"
    blocker.write_text("")
    result = run(edition / "1918-06-02-lenin-to-joffe.xml", "-o", blocker / "report.json")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {blocker / 'report.json'}: cannot write the report: {blocker} is a file, not a folder"


def test_a_phase_with_a_missing_schematron_is_a_one_line_usage_error(edition, tmp_path):
    result = run(edition / "1918-06-02-lenin-to-joffe.xml", "--schematron", ROOT / "schema" / "teikit.sch", "--tei-all", tmp_path / "none.rng", "--phase", "document")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {tmp_path / 'none.rng'}: no such file"


def test_a_document_saxon_refuses_is_one_finding_and_the_others_are_still_checked(edition):
    deep = edition / "deep.xml"
    deep.write_text(PROBE.read_text(encoding="utf-8").replace("<emph>never</emph>", "<hi>" * 150 + "x" + "</hi>" * 150), encoding="utf-8")
    result = run("--schematron", ROOT / "schema" / "teikit.sch", deep, edition / "1918-06-02-lenin-to-joffe.xml")
    assert result.exit_code == 1
    assert re.search(rf"^{re.escape(str(deep))}: error: \[schematron-run\] teikit.sch: .*depth", result.stdout, re.MULTILINE)
    assert "1 valid, 1 with errors" in result.stdout


def test_a_rule_level_let_that_fails_leaves_the_other_patterns_findings(tmp_path):
    sch = tmp_path / "t.sch"
    sch.write_text('<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt3"><ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>'
                   '<pattern id="a"><rule context="tei:date[@when]"><let name="d" value="xs:date(@when)"/><assert id="not-future" test="$d lt current-date()">future</assert></rule></pattern>'
                   '<pattern id="b"><rule context="tei:persName"><report id="pers" test="true()">a persName</report></rule></pattern></schema>')
    doc = tmp_path / "t.xml"
    doc.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p><persName>A</persName> <date when="1926-02-30">x</date></p></body></text></TEI>')
    result = run("--schematron", sch, doc)
    rules = [(m["rule"], m["column"]) for m in map(LINE.match, result.stdout.splitlines()) if m]
    assert rules == [("pers", "57"), ("not-future", "80")]


def test_refs_of_a_letter_moved_into_a_sub_folder_are_still_checked(edition):
    (edition / "1918").mkdir()
    moved = edition / "1918" / "1918-06-02-lenin-to-joffe.xml"
    (edition / "1918-06-02-lenin-to-joffe.xml").rename(moved)
    moved.write_text(moved.read_text(encoding="utf-8").replace('ref="#joffe"', 'ref="#nobody-at-all"', 1), encoding="utf-8")
    result = run(edition)
    assert result.exit_code == 1
    assert [m["rule"] for m in map(LINE.match, result.stdout.splitlines()) if m and m["severity"] == "error"] == ["ref-resolves"]
    assert "[register-entry-unused]" not in result.stdout


def test_documents_with_refs_and_no_registers_get_one_warning_line(edition, tmp_path):
    alone = tmp_path / "alone"
    alone.mkdir()
    for name in ("1918-06-02-lenin-to-joffe.xml", "1922-04-24-lenin-to-stalin.xml"):
        shutil.copy(edition / name, alone / name)
    result = run(alone)
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if "registers" in line]
    assert warnings == [f'warning: no registers/ folder found above 2 document(s) with @ref="#…" ({alone / "1918-06-02-lenin-to-joffe.xml"}, {alone / "1922-04-24-lenin-to-stalin.xml"}): their references were not checked']


def test_help_says_where_relax_ng_errors_in_mixed_content_point():
    assert "mixed content" in " ".join(run("--help").stdout.split())
