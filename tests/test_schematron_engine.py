"""teikit's ISO Schematron engine, one feature a test, on small schemas with exact expected hits."""

from __future__ import annotations

from pathlib import Path

import pytest

from teikit.validation.schematron import Schematron, SchematronError
from teikit.xmlio import parse_xml

DOC = b"""<?xml version="1.0"?>
<letters xmlns="urn:test">
  <letter n="1" date="1918-06-02">
    <to>Joffe</to>
  </letter>
  <letter n="2" date="1922-13-01"><to/></letter>
</letters>
"""


def schema(body: str, binding: str = "xslt3", attrs: str = "") -> str:
    return (
        f'<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="{binding}" {attrs}>\n'
        '  <ns prefix="t" uri="urn:test"/>\n'
        f"{body}\n</schema>\n"
    )


def run(tmp_path: Path, body: str, doc: bytes = DOC, phase: str | None = None, params: dict | None = None, **kw) -> list[tuple[str, str, str, int | None]]:
    """(rule id, severity, message, line) of every finding."""
    sch = tmp_path / "rules.sch"
    sch.write_text(schema(body, **kw))
    xml = tmp_path / "doc.xml"
    xml.write_bytes(doc)
    found = Schematron.from_file(sch, phase=phase).validate(parse_xml(xml), xml, params)
    return [(f.rule_id, f.severity, f.message, f.line) for f in found]


def test_failed_assert_is_reported_with_its_id_message_and_line(tmp_path):
    hits = run(tmp_path, """
  <pattern><rule context="t:to">
    <assert id="to-named" test="normalize-space()">the addressee is missing</assert>
  </rule></pattern>""")
    assert hits == [("to-named", "error", "the addressee is missing", 6)]


def test_report_fires_when_its_test_is_true(tmp_path):
    hits = run(tmp_path, """
  <pattern><rule context="t:letter">
    <report id="second" test="@n = '2'">letter two</report>
  </rule></pattern>""")
    assert hits == [("second", "error", "letter two", 6)]


def test_only_the_first_matching_rule_of_a_pattern_applies_to_a_node(tmp_path):
    hits = run(tmp_path, """
  <pattern>
    <rule context="t:letter[@n = '1']"><report id="first" test="true()">first rule</report></rule>
    <rule context="t:letter"><report id="general" test="true()">general rule</report></rule>
  </pattern>""")
    assert [h[0] for h in hits] == ["first", "general"]
    assert [h[3] for h in hits] == [3, 6]


def test_every_pattern_sees_every_node(tmp_path):
    hits = run(tmp_path, """
  <pattern><rule context="t:letter[@n = '1']"><report id="a" test="true()">a</report></rule></pattern>
  <pattern><rule context="t:letter[@n = '1']"><report id="b" test="true()">b</report></rule></pattern>""")
    assert sorted(h[0] for h in hits) == ["a", "b"]


def test_value_of_and_name_are_evaluated_in_the_message(tmp_path):
    hits = run(tmp_path, """
  <pattern><rule context="t:letter[@n = '2']">
    <report id="msg" test="true()"><name/> number <value-of select="@n"/> is dated <value-of select="@date"/></report>
  </rule></pattern>""")
    assert hits[0][2] == "letter number 2 is dated 1922-13-01"


def test_diagnostics_are_added_to_the_message(tmp_path):
    hits = run(tmp_path, """
  <pattern><rule context="t:letter">
    <assert id="iso" test="@date castable as xs:date" diagnostics="got">the date is not ISO</assert>
  </rule></pattern>
  <diagnostics><diagnostic id="got">found <value-of select="@date"/></diagnostic></diagnostics>""")
    assert hits == [("iso", "error", "the date is not ISO (found 1922-13-01)", 6)]


def test_a_schema_level_let_is_a_parameter_with_a_default(tmp_path):
    body = """
  <let name="before" value="'1920'"/>
  <pattern><rule context="t:letter">
    <assert id="early" test="substring(@date, 1, 4) lt $before">after <value-of select="$before"/></assert>
  </rule></pattern>"""
    assert [h[3] for h in run(tmp_path, body)] == [6]
    assert run(tmp_path, body, params={"before": "1930"}) == []


def test_an_unknown_parameter_is_refused(tmp_path):
    with pytest.raises(SchematronError, match="no parameter nope"):
        run(tmp_path, '<pattern><rule context="t:letter"><assert test="true()">x</assert></rule></pattern>', params={"nope": "1"})


def test_pattern_and_rule_level_lets(tmp_path):
    hits = run(tmp_path, """
  <pattern>
    <let name="letters" value="count(//t:letter)"/>
    <rule context="t:letter">
      <let name="n" value="xs:integer(@n)"/>
      <report id="last" test="$n = $letters">letter <value-of select="$n"/> of <value-of select="$letters"/></report>
    </rule>
  </pattern>""")
    assert hits == [("last", "error", "letter 2 of 2", 6)]


def test_a_phase_runs_only_its_active_patterns(tmp_path):
    body = """
  <phase id="quick"><active pattern="p1"/></phase>
  <pattern id="p1"><rule context="t:letter[@n='1']"><report id="one" test="true()">one</report></rule></pattern>
  <pattern id="p2"><rule context="t:letter[@n='1']"><report id="two" test="true()">two</report></rule></pattern>"""
    assert [h[0] for h in run(tmp_path, body, phase="quick")] == ["one"]
    assert sorted(h[0] for h in run(tmp_path, body, phase="#ALL")) == ["one", "two"]


def test_the_default_phase_applies_when_none_is_asked_for(tmp_path):
    body = """
  <phase id="quick"><active pattern="p2"/></phase>
  <pattern id="p1"><rule context="t:letter[@n='1']"><report id="one" test="true()">one</report></rule></pattern>
  <pattern id="p2"><rule context="t:letter[@n='1']"><report id="two" test="true()">two</report></rule></pattern>"""
    assert [h[0] for h in run(tmp_path, body, attrs='defaultPhase="quick"')] == ["two"]


def test_phase_level_let(tmp_path):
    body = """
  <phase id="strict"><let name="limit" value="1"/><active pattern="p"/></phase>
  <pattern id="p"><rule context="t:letter"><assert id="limit" test="xs:integer(@n) le $limit">over <value-of select="$limit"/></assert></rule></pattern>"""
    assert run(tmp_path, body, phase="strict") == [("limit", "error", "over 1", 6)]


def test_an_unknown_phase_is_a_clear_error(tmp_path):
    with pytest.raises(SchematronError, match="no phase 'nightly'.*phases: quick"):
        run(tmp_path, '<phase id="quick"/><pattern><rule context="*"><assert test="true()">x</assert></rule></pattern>', phase="nightly")


def test_abstract_rules_are_copied_where_a_rule_extends_them(tmp_path):
    hits = run(tmp_path, """
  <pattern>
    <rule abstract="true" id="has-number"><assert id="numbered" test="@n">no number</assert></rule>
    <rule context="t:to"><extends rule="has-number"/></rule>
  </pattern>""")
    assert [(h[0], h[3]) for h in hits] == [("numbered", 4), ("numbered", 6)]


def test_abstract_patterns_are_instantiated_with_their_params(tmp_path):
    hits = run(tmp_path, """
  <pattern abstract="true" id="required">
    <rule context="$element"><assert test="$attribute">$element lacks <value-of select="'$attribute'"/></assert></rule>
  </pattern>
  <pattern id="to-needs-type" is-a="required">
    <param name="element" value="t:to"/>
    <param name="attribute" value="@type"/>
  </pattern>""")
    assert hits == [("to-needs-type", "error", "$element lacks @type", 4), ("to-needs-type", "error", "$element lacks @type", 6)]


def test_include_brings_in_a_pattern_from_another_file(tmp_path):
    (tmp_path / "extra.sch").write_text(
        '<pattern xmlns="http://purl.oclc.org/dsdl/schematron" id="included">'
        '<rule context="t:letter[@n=\'2\']"><report id="from-include" test="true()">included</report></rule></pattern>'
    )
    assert [h[0] for h in run(tmp_path, '<include href="extra.sch"/>')] == ["from-include"]


def test_include_of_a_fragment_takes_the_element_with_that_id(tmp_path):
    (tmp_path / "library.sch").write_text(
        '<schema xmlns="http://purl.oclc.org/dsdl/schematron">'
        '<pattern id="wanted"><rule context="t:to"><report id="wanted" test="true()">w</report></rule></pattern>'
        '<pattern id="other"><rule context="t:to"><report id="other" test="true()">o</report></rule></pattern></schema>'
    )
    hits = run(tmp_path, '<include href="library.sch#wanted"/>')
    assert {h[0] for h in hits} == {"wanted"}


def test_ns_binds_the_prefixes_used_in_rules(tmp_path):
    body = '<pattern><rule context="t:letter"><report id="hit" test="true()">x</report></rule></pattern>'
    assert len(run(tmp_path, body)) == 2
    unbound = body.replace("t:letter", "u:letter")
    with pytest.raises(SchematronError, match="do not compile"):
        run(tmp_path, unbound)


@pytest.mark.parametrize(("role", "severity"), [("warning", "warning"), ("info", "info"), ("fatal", "error"), ("error", "error")])
def test_role_gives_the_severity(tmp_path, role, severity):
    hits = run(tmp_path, f'<pattern><rule context="t:letter[@n=\'1\']"><report id="r" role="{role}" test="true()">x</report></rule></pattern>')
    assert hits[0][1] == severity


def test_flag_gives_the_severity_when_there_is_no_role(tmp_path):
    hits = run(tmp_path, '<pattern><rule context="t:letter[@n=\'1\']"><report id="r" flag="warning" test="true()">x</report></rule></pattern>')
    assert hits[0][1] == "warning"


@pytest.mark.parametrize("binding", ["xslt", "xslt2", "xslt3"])
def test_the_xslt_query_bindings_run(tmp_path, binding):
    hits = run(tmp_path, '<pattern><rule context="t:letter"><assert id="n" test="@n = \'1\'">not one</assert></rule></pattern>', binding=binding)
    assert hits == [("n", "error", "not one", 6)]


def test_an_unsupported_query_binding_is_refused(tmp_path):
    with pytest.raises(SchematronError, match="queryBinding 'stx' is not supported"):
        run(tmp_path, '<pattern><rule context="*"><assert test="true()">x</assert></rule></pattern>', binding="stx")


def test_xpath_3_in_tests(tmp_path):
    hits = run(tmp_path, """
  <pattern><rule context="t:letter">
    <report id="arrow" test="(@date => tokenize('-'))[2] => xs:integer() gt 12">month <value-of select="map{'m': tokenize(@date, '-')[2]}?m"/></report>
  </rule></pattern>""")
    assert hits == [("arrow", "error", "month 13", 6)]


def test_a_rule_on_an_attribute_is_located_at_its_element(tmp_path):
    found = Schematron.from_file(_write(tmp_path, '<pattern><rule context="t:letter/@date"><assert id="iso" test=". castable as xs:date">bad</assert></rule></pattern>')).validate(
        parse_xml(DOC), tmp_path / "doc.xml"
    )
    assert [(f.line, f.location) for f in found] == [(6, "/letters/letter[2]/@date")]


def test_line_and_column_point_at_the_start_tag(tmp_path):
    doc = b'<letters xmlns="urn:test"><letter n="1"/>  <letter\n   n="2"/></letters>'
    xml = tmp_path / "doc.xml"
    xml.write_bytes(doc)
    found = Schematron.from_file(_write(tmp_path, '<pattern><rule context="t:letter"><report id="r" test="true()">x</report></rule></pattern>')).validate(parse_xml(xml), xml)
    assert [(f.line, f.column) for f in found] == [(1, 27), (1, 44)]


def test_a_test_that_raises_a_dynamic_error_is_reported_not_fatal(tmp_path):
    hits = run(tmp_path, '<pattern><rule context="t:letter"><assert id="date" test="xs:date(@date) gt xs:date(\'1900-01-01\')">old</assert></rule></pattern>')
    assert [(h[0], h[1], h[3]) for h in hits] == [("date", "error", 6)]
    assert "could not be evaluated" in hits[0][2]


def test_generated_rule_ids_use_the_pattern_id_and_position(tmp_path):
    hits = run(tmp_path, """
  <pattern id="letters"><rule context="t:letter[@n='2']">
    <report test="true()">a</report><report test="true()">b</report>
  </rule></pattern>""")
    assert [h[0] for h in hits] == ["letters-1", "letters-2"]


def test_the_rule_id_is_used_when_the_assert_has_none(tmp_path):
    hits = run(tmp_path, '<pattern id="p"><rule id="dated" context="t:letter[@n=\'2\']"><report test="true()">a</report></rule></pattern>')
    assert hits[0][0] == "dated"


def test_a_schema_that_does_not_compile_is_one_clear_error(tmp_path):
    with pytest.raises(SchematronError, match=r"rules.sch: the rules do not compile: .*"):
        run(tmp_path, '<pattern><rule context="t:letter["><assert test="true()">x</assert></rule></pattern>')


def test_a_file_that_is_not_schematron_is_refused(tmp_path):
    path = tmp_path / "not.sch"
    path.write_text("<html/>")
    with pytest.raises(SchematronError, match="not a Schematron schema"):
        Schematron.from_file(path)


def test_a_schema_is_compiled_once_a_process(tmp_path):
    path = _write(tmp_path, '<pattern><rule context="*"><assert test="true()">x</assert></rule></pattern>')
    assert Schematron.from_file(path) is Schematron.from_file(path)


def test_svrl_is_the_internal_report(tmp_path):
    path = _write(tmp_path, '<pattern id="p"><rule context="t:to"><assert id="a" test="false()">x</assert></rule></pattern>')
    svrl = Schematron.from_file(path).svrl(parse_xml(DOC), tmp_path / "doc.xml")
    ns = {"svrl": "http://purl.oclc.org/dsdl/svrl"}
    assert svrl.tag == "{http://purl.oclc.org/dsdl/svrl}schematron-output"
    assert svrl.xpath("svrl:active-pattern/@id", namespaces=ns) == ["p"]
    assert svrl.xpath("svrl:failed-assert/@location", namespaces=ns) == ["/Q{urn:test}letters[1]/Q{urn:test}letter[1]/Q{urn:test}to[1]", "/Q{urn:test}letters[1]/Q{urn:test}letter[2]/Q{urn:test}to[1]"]


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / f"s{abs(hash(body))}.sch"
    path.write_text(schema(body))
    return path


LET_FAILS = """
  <pattern id="dates">
    <rule context="t:letter">
      <let name="d" value="xs:date(@date)"/>
      <assert id="not-future" test="$d lt current-date()">future</assert>
      <assert id="dated" test="exists($d)">undated</assert>
    </rule>
  </pattern>
  <pattern id="addressees"><rule context="t:to"><report id="to" test="true()">to</report></rule></pattern>"""


def test_a_rule_level_let_that_raises_a_dynamic_error_is_one_finding_of_its_rule(tmp_path):
    hits = [h for h in run(tmp_path, LET_FAILS) if h[3] == 6 and h[0] != "to"]
    assert [(h[0], h[1]) for h in hits] == [("dates", "error")]
    assert hits[0][2].startswith("the rule's let $d could not be evaluated here: ")


def test_a_rule_level_let_that_raises_a_dynamic_error_leaves_the_other_findings(tmp_path):
    hits = run(tmp_path, LET_FAILS)
    assert [(h[0], h[3]) for h in hits] == [("to", 4), ("dates", 6), ("to", 6)]


def test_a_failing_let_of_a_rule_with_one_check_is_reported_under_that_checks_id(tmp_path):
    body = '<pattern><rule context="t:letter"><let name="d" value="xs:date(@date)"/><assert id="iso" test="exists($d)">x</assert></rule></pattern>'
    assert [(h[0], h[3]) for h in run(tmp_path, body)] == [("iso", 6)]


def test_saxons_own_error_print_out_is_kept_off_the_terminal(tmp_path, capfd):
    """A pattern-level let that fails stops the run (one SchematronError); Saxon's stack trace stays unprinted."""
    body = '<pattern><let name="g" value="xs:date(/t:letters/t:letter[2]/@date)"/><rule context="t:letter"><assert test="$g lt current-date()">x</assert></rule></pattern>'
    with pytest.raises(SchematronError, match="Invalid date"):
        run(tmp_path, body)
    assert capfd.readouterr().err == ""


def test_a_document_saxons_parser_refuses_is_a_schematron_error(tmp_path):
    deep = b'<letters xmlns="urn:test">' + b"<x>" * 150 + b"</x>" * 150 + b"</letters>"
    with pytest.raises(SchematronError, match="depth"):
        run(tmp_path, '<pattern><rule context="t:letter"><assert test="true()">x</assert></rule></pattern>', doc=deep)


# --------------------------------------------------------------------------- ISO Schematron 2020: let/@as, let content


def test_let_as_gives_the_variable_its_type(tmp_path):
    hits = run(tmp_path, """
  <pattern><rule context="t:letter">
    <let name="n" value="@n" as="xs:integer"/>
    <report id="typed" test="$n instance of xs:integer and $n eq 2">letter <value-of select="$n"/></report>
  </rule></pattern>""")
    assert hits == [("typed", "error", "letter 2", 6)]


def test_a_value_that_does_not_match_let_as_is_a_finding_of_its_rule(tmp_path):
    hits = run(tmp_path, """
  <pattern><rule context="t:letter">
    <let name="d" value="@date" as="xs:date"/>
    <assert id="dated" test="$d lt current-date()">in the future</assert>
  </rule></pattern>""")
    assert [(h[0], h[1], h[3]) for h in hits] == [("dated", "error", 6)]
    assert hits[0][2].startswith("the rule's let $d could not be evaluated here: ")


def test_let_content_is_the_value_as_a_document_fragment(tmp_path):
    hits = run(tmp_path, """
  <pattern><rule context="t:to">
    <let name="known"><names xmlns="urn:test"><name>Joffe</name><name>Krasin</name></names></let>
    <assert id="known" test="$known instance of document-node() and normalize-space() = $known/t:names/t:name">unknown addressee</assert>
  </rule></pattern>""")
    assert hits == [("known", "error", "unknown addressee", 6)]


def test_let_content_with_as_element_is_the_element_itself(tmp_path):
    hits = run(tmp_path, """
  <pattern>
    <let name="names" as="element(t:names)"><names xmlns="urn:test"><name>Joffe</name></names></let>
    <rule context="t:to"><assert id="known" test="normalize-space() = $names/t:name">unknown addressee</assert></rule>
  </pattern>""")
    assert hits == [("known", "error", "unknown addressee", 6)]


def test_let_content_is_taken_literally(tmp_path):
    hits = run(tmp_path, """
  <pattern><rule context="t:letter[@n = '1']">
    <let name="x"><v xmlns="" a="{@n}"/></let>
    <report id="literal" test="true()"><value-of select="$x/v/@a"/></report>
  </rule></pattern>""")
    assert hits == [("literal", "error", "{@n}", 3)]


def test_a_let_with_both_value_and_content_is_refused(tmp_path):
    with pytest.raises(SchematronError, match="let 'x' has both a value attribute and content"):
        run(tmp_path, '<pattern><rule context="t:to"><let name="x" value="1"><v xmlns=""/></let><assert test="$x">x</assert></rule></pattern>')


# --------------------------------------------------------------------------- properties


PROPERTIES = """
  <pattern><rule context="t:to">
    <assert id="to-named" test="normalize-space()" properties="fix where">the addressee is missing</assert>
  </rule></pattern>
  <properties>
    <property id="fix" role="hint" scheme="urn:teikit:fix">name the addressee of letter <value-of select="../@n"/></property>
    <property id="where"><name/> in <name path=".."/></property>
  </properties>"""


def _found(tmp_path: Path, body: str):
    xml = tmp_path / "doc.xml"
    xml.write_bytes(DOC)
    return Schematron.from_file(_write(tmp_path, body)).validate(parse_xml(xml), xml)


def test_properties_of_a_failed_assert_are_evaluated_on_the_failing_node(tmp_path):
    [finding] = _found(tmp_path, PROPERTIES)
    assert (finding.rule_id, finding.message, finding.line) == ("to-named", "the addressee is missing", 6)
    assert finding.properties == {"fix": "name the addressee of letter 2", "where": "to in letter"}


def test_properties_are_svrl_property_references(tmp_path):
    svrl = Schematron.from_file(_write(tmp_path, PROPERTIES)).svrl(parse_xml(DOC), tmp_path / "doc.xml")
    ns = {"svrl": "http://purl.oclc.org/dsdl/svrl"}
    [fix, where] = svrl.xpath("svrl:failed-assert/svrl:property-reference", namespaces=ns)
    assert (fix.get("property"), fix.get("role"), fix.get("scheme")) == ("fix", "hint", "urn:teikit:fix")
    assert fix.xpath("string(svrl:text)", namespaces=ns) == "name the addressee of letter 2"
    assert where.get("property") == "where" and where.get("role") is None


def test_a_finding_without_properties_has_none(tmp_path):
    hits = _found(tmp_path, '<pattern><rule context="t:to"><assert id="a" test="normalize-space()">x</assert></rule></pattern>')
    assert [f.properties for f in hits] == [{}]


def test_an_unknown_property_is_refused(tmp_path):
    with pytest.raises(SchematronError, match="rule a: no property with id 'nope'"):
        _found(tmp_path, '<pattern><rule context="t:to"><assert id="a" properties="nope" test="true()">x</assert></rule></pattern>')


def test_properties_stay_out_of_the_text_line(tmp_path):
    [finding] = _found(tmp_path, PROPERTIES)
    assert finding.format() == f"{tmp_path / 'doc.xml'}:6:35: error: [to-named] the addressee is missing (at /letters/letter[2]/to[1])"


def test_properties_are_in_the_json_report_only_when_there_are_some(tmp_path):
    from teikit.validation.report import FileReport, as_json

    [with_props] = _found(tmp_path, PROPERTIES)
    [without] = _found(tmp_path, '<pattern><rule context="t:to"><assert id="a" test="normalize-space()">x</assert></rule></pattern>')
    problems = as_json([FileReport(str(tmp_path / "doc.xml"), [with_props, without])], ["rules.sch"])["files"][0]["problems"]
    assert problems[0]["properties"] == {"fix": "name the addressee of letter 2", "where": "to in letter"}
    assert "properties" not in problems[1] and "file" not in problems[1]


# --------------------------------------------------------------------------- pattern/@documents


INDEX = b"""<letters xmlns="urn:test">
  <part href="part-1.xml"/>
  <part href="sub/part 2.xml"/>
  <letter n="0"/>
</letters>
"""
PART_1 = b"""<letters xmlns="urn:test">
  <letter n="1"/>
  <letter n="2" date="1922-13-01"/>
</letters>
"""
PART_2 = b"""<letters xmlns="urn:test">

  <letter n="3" date="1923-01-01"/>
</letters>
"""
DOCUMENTS = """
  <pattern id="parts" documents="//t:part/@href">
    <rule context="t:letter"><assert id="dated" test="@date">letter <value-of select="@n"/> undated</assert></rule>
  </pattern>"""


def _documents(tmp_path: Path, body: str = DOCUMENTS, index: bytes = INDEX):
    (tmp_path / "part-1.xml").write_bytes(PART_1)
    (tmp_path / "sub").mkdir(exist_ok=True)
    (tmp_path / "sub" / "part 2.xml").write_bytes(PART_2)
    xml = tmp_path / "index.xml"
    xml.write_bytes(index)
    found = Schematron.from_file(_write(tmp_path, body)).validate(parse_xml(xml), xml)
    return [(f.rule_id, f.message, Path(f.file).relative_to(tmp_path).as_posix() if f.file else None, f.line) for f in found]


def test_a_pattern_with_documents_checks_the_documents_it_names_not_the_instance(tmp_path):
    assert _documents(tmp_path) == [("dated", "letter 1 undated", "part-1.xml", 2)]


def test_the_documents_are_found_relative_to_the_instance_and_each_is_checked(tmp_path):
    body = DOCUMENTS.replace('test="@date"', 'test="false()"')
    assert _documents(tmp_path, body) == [
        ("dated", "letter 1 undated", "part-1.xml", 2),
        ("dated", "letter 2 undated", "part-1.xml", 3),
        ("dated", "letter 3 undated", "sub/part 2.xml", 3),
    ]


def test_the_other_patterns_check_only_the_instance(tmp_path):
    body = DOCUMENTS + '\n  <pattern id="all"><rule context="t:letter"><report id="seen" test="true()">seen <value-of select="@n"/></report></rule></pattern>'
    assert _documents(tmp_path, body) == [("seen", "seen 0", "index.xml", 4), ("dated", "letter 1 undated", "part-1.xml", 2)]


def test_a_document_that_is_not_a_local_file_is_not_fetched(tmp_path):
    index = INDEX.replace(b'href="part-1.xml"', b'href="http://example.org/part.xml"').replace(b'href="sub/part 2.xml"', b'href="sub/part%202.xml"')
    assert _documents(tmp_path, index=index) == [
        ("parts", "pattern/@documents: 'http://example.org/part.xml' is not a local file; teikit reads only those", "index.xml", None)
    ]


def test_a_document_is_read_by_teikits_own_parser(tmp_path):
    (tmp_path / "evil.xml").write_bytes(b'<!DOCTYPE letters [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<letters xmlns="urn:test"><letter>&x;</letter></letters>')
    index = INDEX.replace(b'href="part-1.xml"', b'href="evil.xml"').replace(b'href="sub/part 2.xml"', b'href="missing.xml"')
    hits = _documents(tmp_path, index=index)
    assert [(h[0], h[2], h[3]) for h in hits] == [("parts", "index.xml", None), ("parts", "index.xml", None)]
    assert "pattern/@documents: " in hits[0][1] and "entit" in hits[0][1].lower()
    assert "missing.xml" in hits[1][1]


def test_documents_that_cannot_be_evaluated_are_one_finding_of_the_pattern(tmp_path):
    body = DOCUMENTS.replace('documents="//t:part/@href"', 'documents="//t:part/@href ! xs:integer(.)"')
    hits = _documents(tmp_path, body)
    assert [(h[0], h[2], h[3]) for h in hits] == [("parts", "index.xml", None)]
    assert hits[0][1].startswith("the pattern's documents could not be evaluated: ")


def test_a_finding_in_another_document_names_its_file_in_the_json_report(tmp_path):
    from teikit.validation.report import FileReport, as_json

    (tmp_path / "part-1.xml").write_bytes(PART_1)
    xml = tmp_path / "index.xml"
    xml.write_bytes(INDEX.replace(b'<part href="sub/part 2.xml"/>', b""))
    found = Schematron.from_file(_write(tmp_path, DOCUMENTS)).validate(parse_xml(xml), xml)
    [problem] = as_json([FileReport(str(xml), found)], ["rules.sch"])["files"][0]["problems"]
    assert (problem["rule_id"], problem["file"], problem["line"]) == ("dated", str(tmp_path / "part-1.xml"), 2)
