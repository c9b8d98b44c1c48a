"""`teikit render` as a user runs it: inputs, registers, formats, failures, exit codes."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from render_support import EDITION, REGISTERS, RENDER
from teikit.cli import main
from teikit.resources import stylesheet
from teikit.writers import FORMATS
from teikit.writers.render import RESERVED_PARAMS, check_param_names, declared_params, writer_params

LENIN = "1918-06-02-lenin-to-joffe"


def run(*args: str):
    result = CliRunner().invoke(main, ["render", *args], prog_name="teikit", catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


@pytest.fixture
def edition(tmp_path):
    """A copy of the fixture edition with its registers in registers/ beside the documents."""
    folder = tmp_path / "tei"
    shutil.copytree(EDITION, folder)
    shutil.copytree(REGISTERS, folder / "registers")
    return folder


def test_each_format_goes_to_its_own_folder(tmp_path, edition):
    result = run(str(edition), "--to", "text", "--to", "cmif", "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out" / "text").iterdir()) == sorted(f"{p.stem}.txt" for p in EDITION.glob("*.xml"))
    assert [p.name for p in (tmp_path / "out" / "cmif").iterdir()] == ["cmif.xml"]


def test_registers_beside_the_inputs_are_used_and_not_rendered(tmp_path, edition):
    result = run(str(edition), "--to", "cmif", "-o", str(tmp_path / "out"), "--format", "json")
    summary = json.loads(result.output)
    assert summary["registers"] == str(edition / "registers")
    assert summary["documents"] == 3
    assert "wikidata.org/entity/Q1394" in (tmp_path / "out" / "cmif" / "cmif.xml").read_text(encoding="utf-8")


def test_hidden_files_in_input_folders_are_skipped(tmp_path, edition):
    (edition / ".draft.xml").write_text("<not-tei/>", encoding="utf-8")
    result = run(str(edition), "--to", "text", "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "out" / "text" / ".draft.txt").exists()


def test_registers_option_names_the_folder(tmp_path):
    result = run(str(EDITION / f"{LENIN}.xml"), "--to", "cmif", "--registers", str(REGISTERS), "-o", str(tmp_path), "--format", "json")
    assert json.loads(result.output)["registers"] == str(REGISTERS)


def test_params_reach_the_stylesheet(tmp_path, edition):
    run(str(edition / f"{LENIN}.xml"), "--to", "text", "-o", str(tmp_path), "--param", "notes=none", "--param", "header=none")
    assert (tmp_path / "text" / f"{LENIN}.txt").read_text(encoding="utf-8").startswith("2/VI. 1918\nComrade Joffe,\n\nChicherin is a splendid worker. I hear")


def test_a_failing_document_is_reported_others_rendered_and_its_old_output_kept(tmp_path, edition):
    out = tmp_path / "out"
    assert run(str(edition), "--to", "text", "-o", str(out)).exit_code == 0
    before = (out / "text" / f"{LENIN}.txt").read_bytes()
    (edition / f"{LENIN}.xml").write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><text>", encoding="utf-8")
    result = run(str(edition), "--to", "text", "-o", str(out))
    assert result.exit_code == 1
    assert f"error: {edition / f'{LENIN}.xml'}:1:" in result.output
    assert (out / "text" / f"{LENIN}.txt").read_bytes() == before
    assert sorted(p.name for p in (out / "text").iterdir()) == sorted(f"{p.stem}.txt" for p in EDITION.glob("*.xml"))


def test_a_stylesheet_error_names_the_document_and_the_stylesheet_line(tmp_path, edition):
    failing = RENDER / "override" / "fails-on-placename.xsl"
    result = run(str(edition), "--to", "text", "-o", str(tmp_path), "--stylesheet", str(failing))
    assert result.exit_code == 1
    assert f"error: {edition / f'{LENIN}.xml'}: fails-on-placename.xsl:12: a place name: Berlin" in result.output
    assert (tmp_path / "text" / "1921-01-01-unknown-article.txt").exists()
    assert "FOER0000" not in result.output  # Saxon's own trace stays off the terminal


def test_an_edition_stylesheet_overrides_templates_of_text_xsl(tmp_path, edition):
    mine = RENDER / "override" / "names-from-registers.xsl"
    result = run(str(edition / f"{LENIN}.xml"), "--to", "text", "-o", str(tmp_path), "--stylesheet", str(mine))
    assert result.exit_code == 0, result.output
    text = (tmp_path / "text" / f"{LENIN}.txt").read_text(encoding="utf-8")
    assert "Chicherin [Georgy Chicherin] is a splendid worker.[1]" in text
    assert "Notes\n\n[1] People’s Commissar for Foreign Affairs." in text  # everything else as teikit does it


def test_json_summary_lists_written_files_and_failures(tmp_path, edition):
    (edition / "broken.xml").write_text("not xml", encoding="utf-8")
    result = run(str(edition), "--to", "text", "-o", str(tmp_path), "--format", "json")
    summary = json.loads(result.output)
    assert result.exit_code == 1
    assert summary["failed"] == 1 and len(summary["formats"]["text"]["written"]) == 3
    assert summary["formats"]["text"]["failures"][0]["document"] == str(edition / "broken.xml")


@pytest.mark.parametrize(
    "args, message",
    [
        (["--to", "text", "--param", "width"], "expected name=value"),
        (["--to", "text", "--param", "1x=2"], "not a parameter name"),
        (["--to", "text", "--param", "width=abc"], "width='abc'"),
        (["--to", "cmif", "--param", "cmif-url=nope"], "cmif-url='nope'"),
        (["--to", "text", "--to", "cmif", "--stylesheet", "x.xsl"], "say which"),
        (["--to", "text", "--registers", "/no/such/folder"], "registers folder not found"),
    ],
)
def test_usage_errors_exit_2_with_one_line(tmp_path, edition, args, message):
    result = run(str(edition), "-o", str(tmp_path), *args)
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "text").exists()


def test_unknown_format_is_a_usage_error(tmp_path, edition):
    assert run(str(edition), "--to", "docx", "-o", str(tmp_path)).exit_code == 2


def test_no_inputs_is_a_usage_error(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run(str(tmp_path / "empty"), "--to", "text", "-o", str(tmp_path / "out"))
    assert result.exit_code == 2 and "no TEI files to render" in result.output


def test_missing_input_is_a_usage_error(tmp_path):
    result = run(str(tmp_path / "nothing.xml"), "--to", "text", "-o", str(tmp_path))
    assert result.exit_code == 2 and "no such file or folder" in result.output


def test_help_has_examples():
    result = run("--help")
    assert result.exit_code == 0 and "Examples:" in result.output and "--to" in result.output


# --- parameter names ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fmt, name",
    [
        ("html", "registers"),
        ("text", "registers"),
        ("html", "edition"),
        ("html", "page"),
        ("html", "page-href"),
        ("html", "tei-href"),
        ("cmif", "file"),
        ("cmif", "source-id"),
    ],
)
def test_a_parameter_teikit_sets_itself_is_refused(tmp_path, edition, fmt, name):
    evil = tmp_path / "evil"
    evil.mkdir()
    result = run(str(edition), "--to", fmt, "-o", str(tmp_path / "out"), "--param", f"{name}={evil.as_uri()}/")
    assert result.exit_code == 2
    assert f"error: --param {name}: teikit sets this parameter itself" in result.output
    assert not (tmp_path / "out").exists()


def test_a_reserved_name_is_refused_even_with_a_stylesheet_of_yours(tmp_path, edition):
    mine = RENDER / "override" / "names-from-registers.xsl"
    result = run(str(edition), "--to", "text", "-o", str(tmp_path / "out"), "--stylesheet", str(mine), "--param", "registers=x")
    assert result.exit_code == 2 and "--param registers: teikit sets this parameter itself" in result.output


def test_edition_no_is_taken_when_the_pdf_is_one_of_the_formats():
    check_param_names(["html", "pdf"], {"edition": "no"})  # the PDF's own parameter; html never sees it


def test_an_unknown_parameter_is_a_usage_error_naming_the_known_ones(tmp_path, edition):
    result = run(str(edition), "--to", "text", "-o", str(tmp_path / "out"), "--param", "widht=72")
    assert result.exit_code == 2
    assert "error: --param widht: unknown to --to text (parameters: text: notes, width, layout, header, pages)" in result.output
    assert not (tmp_path / "out").exists()


def test_a_parameter_one_of_the_formats_takes_is_accepted(tmp_path, edition):
    result = run(str(edition), "--to", "text", "--to", "cmif", "-o", str(tmp_path / "out"), "--param", "editor=Ann Editor")
    assert result.exit_code == 0, result.output


def test_a_parameter_declared_by_your_stylesheet_or_its_imports_is_accepted(tmp_path, edition):
    (tmp_path / "module.xsl").write_text(
        '<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
        '<xsl:param name="signature" select="\'\'"/></xsl:stylesheet>', encoding="utf-8")
    text_xsl = stylesheet("text.xsl").resolve().as_uri()
    mine = tmp_path / "mine.xsl"
    mine.write_text(
        '<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
        f'<xsl:import href="{text_xsl}"/><xsl:include href="module.xsl"/><xsl:param name="motto" select="\'\'"/>'
        '</xsl:stylesheet>', encoding="utf-8")
    base = [str(edition / f"{LENIN}.xml"), "--to", "text", "-o", str(tmp_path / "out"), "--stylesheet", str(mine)]
    assert run(*base, "--param", "motto=x", "--param", "signature=y", "--param", "width=72").exit_code == 0


def test_a_name_neither_teikit_nor_your_stylesheet_declares_is_refused(tmp_path, edition):
    mine = RENDER / "override" / "names-from-registers.xsl"
    result = run(str(edition), "--to", "text", "-o", str(tmp_path / "out"), "--stylesheet", str(mine), "--param", "widht=72")
    assert result.exit_code == 2 and "--param widht: unknown to --to text" in result.output


def test_every_parameter_a_shipped_stylesheet_declares_is_a_writer_parameter_or_reserved():
    for fmt in FORMATS:
        declared = declared_params(stylesheet(f"{fmt}.xsl"))
        assert declared is not None
        assert declared <= set(writer_params(fmt)) | set(RESERVED_PARAMS), fmt


# --- user stylesheets and the output folder ---------------------------------------------------


@pytest.fixture
def broken_stylesheet(tmp_path):
    path = tmp_path / "bad.xsl"
    path.write_text('<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">\n'
                    '<xsl:template match="/"><xsl:value-of select="$nope"/></xsl:template>\n'
                    '</xsl:stylesheet>\n', encoding="utf-8")
    return path


def test_a_stylesheet_that_does_not_compile_stops_the_run_before_anything_is_written(tmp_path, edition, broken_stylesheet):
    result = run(str(edition), "--to", "text", "--to", "html", "-o", str(tmp_path / "out"), "--stylesheet", f"html={broken_stylesheet}")
    assert result.exit_code == 2
    assert not (tmp_path / "out").exists()


def test_a_stylesheet_that_does_not_compile_is_one_line_naming_the_file_once(tmp_path, edition, broken_stylesheet):
    result = run(str(edition), "--to", "html", "-o", str(tmp_path / "out"), "--stylesheet", str(broken_stylesheet))
    lines = result.output.strip().splitlines()
    assert lines == [f"error: --stylesheet {broken_stylesheet}:2: does not compile: XPST0008 Variable $nope has not been "
                     "declared (or its declaration is not in scope) (in xsl:value-of/@select)"]


def test_an_output_folder_below_a_file_is_a_usage_error(tmp_path, edition):
    (tmp_path / "afile").touch()
    result = run(str(edition), "--to", "text", "-o", str(tmp_path / "afile" / "sub"))
    assert result.exit_code == 2
    assert result.output.strip() == f"error: -o {tmp_path / 'afile' / 'sub'}: cannot create the output folder (Not a directory)"


def test_help_says_a_stylesheet_of_yours_is_trusted_code():
    result = run("--help")
    assert "A --stylesheet of yours is trusted code" in result.output
