"""schema/teikit.sch: the edition's rules, each on a small edition built in a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from teikit.resources import schema_file
from teikit.validation.schematron import Schematron
from teikit.validation.validator import Validator

TEI = "http://www.tei-c.org/ns/1.0"


def letter(body: str = "<p>Text.</p>", *, header_extra: str = "", corresp: str | None = None, source: str = '<bibl type="print-source">Collected Works</bibl>', doc_type: str = "letter") -> str:
    if corresp is None:
        corresp = '<correspDesc><correspAction type="sent"><persName>Lenin</persName></correspAction></correspDesc>'
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="{TEI}">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>t</title></titleStmt>
      <publicationStmt><p/></publicationStmt>
      <sourceDesc>{source}</sourceDesc>
    </fileDesc>
    <profileDesc>
      <textClass><keywords><term type="document-type">{doc_type}</term></keywords></textClass>
      {corresp}{header_extra}
    </profileDesc>
  </teiHeader>
  <text>
    <body>
      <div type="{doc_type}">{body}</div>
    </body>
  </text>
</TEI>
"""


def register(kind: str, entries: str) -> str:
    listing = {"persons": "listPerson", "places": "listPlace", "orgs": "listOrg"}[kind]
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="{TEI}">
  <teiHeader><fileDesc><titleStmt><title>Register of {kind}</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>
  <text>
    <body>
      <{listing}>{entries}</{listing}>
    </body>
  </text>
</TEI>
"""


PERSONS = '<person xml:id="lenin"><persName type="preferred">V. I. Lenin</persName></person>'
PLACES = '<place xml:id="moscow"><placeName type="preferred">Moscow</placeName></place>'
ORGS = '<org xml:id="politburo"><orgName type="preferred">Politburo</orgName></org>'


def edition(tmp_path: Path, documents: dict[str, str], persons: str = PERSONS, places: str = PLACES, orgs: str = ORGS, registers: bool = True) -> Path:
    for name, text in documents.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    if registers:
        folder = tmp_path / "registers"
        folder.mkdir()
        for kind, entries in (("persons", persons), ("places", places), ("orgs", orgs)):
            (folder / f"{kind}.xml").write_text(register(kind, entries), encoding="utf-8")
    return tmp_path


def check(tmp_path: Path, documents: dict[str, str], *, params: dict | None = None, phase: str | None = None, **kw) -> dict[str, list[tuple[str, str]]]:
    """{file name: [(rule id, severity)]} for every file of the edition, registers included."""
    folder = edition(tmp_path, documents, **kw)
    validator = Validator(schematrons=[Schematron.from_file(schema_file("teikit.sch"), phase=phase)], params=params or {})
    files = sorted(folder.rglob("*.xml"))
    return {Path(r.file).name: [(f.rule_id, f.severity) for f in r.findings] for r in validator.validate_files(files)}


def used_everywhere() -> str:
    return '<p><persName ref="#lenin">Lenin</persName> in <placeName ref="#moscow">Moscow</placeName> to the <orgName ref="#politburo">Politburo</orgName>.</p>'


def test_a_clean_edition_has_no_findings(tmp_path):
    found = check(tmp_path, {"a.xml": letter(used_everywhere())})
    assert found == {"a.xml": [], "orgs.xml": [], "persons.xml": [], "places.xml": []}


def test_a_ref_to_no_register_entry_is_an_error(tmp_path):
    found = check(tmp_path, {"a.xml": letter(used_everywhere() + '<p><persName ref="#trotsky">Trotsky</persName></p>')})
    assert found["a.xml"] == [("ref-resolves", "error")]


def test_a_ref_to_an_entry_of_the_wrong_kind_is_an_error(tmp_path):
    found = check(tmp_path, {"a.xml": letter(used_everywhere() + '<p><placeName ref="#lenin">Lenin</placeName></p>')})
    assert found["a.xml"] == [("ref-kind", "error")]


def test_rs_may_point_to_an_entry_of_any_kind_but_must_resolve(tmp_path):
    body = used_everywhere() + '<p><rs type="org" ref="#politburo">it</rs> <rs ref="#cheka">they</rs></p>'
    assert check(tmp_path, {"a.xml": letter(body)})["a.xml"] == [("ref-resolves", "error")]


def test_refs_in_a_document_outside_an_edition_are_not_checked(tmp_path):
    found = check(tmp_path, {"a.xml": letter('<p><persName ref="#trotsky">Trotsky</persName></p>')}, registers=False)
    assert found == {"a.xml": []}


def test_refs_between_register_entries_resolve(tmp_path):
    persons = PERSONS + '<person xml:id="stalin"><persName type="preferred">Stalin</persName><affiliation><orgName ref="#politburo">Politburo</orgName></affiliation><residence><placeName ref="#kremlin">Kremlin</placeName></residence></person>'
    found = check(tmp_path, {"a.xml": letter(used_everywhere() + '<p><persName ref="#stalin">Stalin</persName></p>')}, persons=persons)
    assert found["persons.xml"] == [("ref-resolves", "error")]


@pytest.mark.parametrize(
    ("attributes", "expected"),
    [
        ('notBefore="1918-06-02" notAfter="1918-06-01"', [("date-order-notBefore-notAfter", "error")]),
        ('notBefore="1918-06-02" notAfter="1918"', []),  # 1918 lasts until 1918-12-31
        ('notBefore="1918-02" notAfter="1918-02-28"', []),
        ('from="1920" to="1919-12"', [("date-order-from-to", "error")]),
        ('from="1919-12" to="1919-12"', []),
    ],
)
def test_date_ranges_must_not_run_backwards(tmp_path, attributes, expected):
    found = check(tmp_path, {"a.xml": letter(used_everywhere() + f"<p><date {attributes}>then</date></p>")})
    assert found["a.xml"] == expected


def test_a_date_outside_the_editions_period_is_an_error(tmp_path):
    found = check(tmp_path, {"a.xml": letter(used_everywhere() + '<p><date when="1848-02-21">1848</date> and <date when="1992">1992</date></p>')})
    assert found["a.xml"] == [("date-in-period", "error"), ("date-in-period", "error")]


def test_the_period_is_a_parameter(tmp_path):
    found = check(tmp_path, {"a.xml": letter(used_everywhere() + '<p><date when="1848-02-21">1848</date></p>')}, params={"period-start": "1840-01-01"})
    assert found["a.xml"] == []


def test_dates_of_the_source_publication_and_in_notes_are_not_held_to_the_period(tmp_path):
    source = '<bibl type="print-source">Works, <date when="1999">1999</date></bibl>'
    body = used_everywhere() + '<p>He<note type="biographical">born <date when="1838">1838</date></note>.</p>'
    assert check(tmp_path, {"a.xml": letter(body, source=source)})["a.xml"] == []


def test_a_letter_without_correspDesc_is_an_error(tmp_path):
    found = check(tmp_path, {"a.xml": letter(used_everywhere(), corresp="")})
    assert found["a.xml"] == [("letter-correspDesc", "error")]


def test_a_letter_whose_correspDesc_names_no_sender_is_an_error(tmp_path):
    corresp = '<correspDesc><correspAction type="received"><persName>Joffe</persName></correspAction></correspDesc>'
    assert check(tmp_path, {"a.xml": letter(used_everywhere(), corresp=corresp)})["a.xml"] == [("letter-sender", "error")]


def test_a_diary_entry_needs_no_correspDesc(tmp_path):
    assert check(tmp_path, {"a.xml": letter(used_everywhere(), corresp="", doc_type="diary-entry")})["a.xml"] == []


def test_a_footnote_in_the_header_is_an_error(tmp_path):
    extra = '<abstract><p>Summary<note type="footnote" n="1">misplaced</note></p></abstract>'
    assert check(tmp_path, {"a.xml": letter(used_everywhere(), header_extra=extra)})["a.xml"] == [("footnote-in-text", "error")]


def test_a_footnote_pointing_outside_the_text_is_an_error(tmp_path):
    body = used_everywhere() + '<p>x<note type="footnote" target="#nowhere">n</note></p>'
    assert check(tmp_path, {"a.xml": letter(body)})["a.xml"] == [("footnote-target-in-text", "error")]


def test_an_endnote_nothing_points_to_is_a_warning(tmp_path):
    text = letter(used_everywhere()).replace("</body>", '</body><back><div type="notes"><note type="footnote" n="1" xml:id="n1">apart</note></div></back>')
    assert check(tmp_path, {"a.xml": text})["a.xml"] == [("footnote-unanchored", "warning")]


def test_an_endnote_with_a_pointer_in_the_text_is_fine(tmp_path):
    text = letter(used_everywhere() + '<p>x<ptr target="#n1"/></p>').replace("</body>", '</body><back><div type="notes"><note type="footnote" n="1" xml:id="n1">apart</note></div></back>')
    assert check(tmp_path, {"a.xml": text})["a.xml"] == []


def test_an_empty_persName_is_an_error(tmp_path):
    assert check(tmp_path, {"a.xml": letter(used_everywhere() + "<p><persName> </persName></p>")})["a.xml"] == [("persName-not-empty", "error")]


def test_a_register_entry_no_document_uses_is_a_warning(tmp_path):
    persons = PERSONS + '<person xml:id="kamenev"><persName type="preferred">Kamenev</persName></person>'
    found = check(tmp_path, {"a.xml": letter(used_everywhere())}, persons=persons)
    assert found["persons.xml"] == [("register-entry-unused", "warning")]


def test_register_entries_need_one_preferred_name_a_slug_id_and_a_unique_id(tmp_path):
    persons = PERSONS + '<person xml:id="Kamenev"><persName type="variant">K.</persName></person>'
    places = PLACES + '<place xml:id="lenin"><placeName type="preferred">Lenin (town)</placeName></place>'
    found = check(tmp_path, {"a.xml": letter(used_everywhere() + '<p><persName ref="#Kamenev">K</persName><placeName ref="#lenin">x</placeName></p>')}, persons=persons, places=places)
    assert sorted(found["persons.xml"]) == [("register-id-form", "error"), ("register-id-unique", "error"), ("register-preferred-name", "error")]
    assert found["places.xml"] == [("register-id-unique", "error")]


def test_a_document_without_a_source_bibl_is_a_warning(tmp_path):
    found = check(tmp_path, {"a.xml": letter(used_everywhere(), source="<p>Unknown.</p>")})
    assert found["a.xml"] == [("source-bibl", "warning")]


def test_the_document_phase_leaves_out_the_register_checks(tmp_path):
    text = letter(used_everywhere() + '<p><persName ref="#trotsky">Trotsky</persName><date when="1848">x</date></p>')
    found = check(tmp_path, {"a.xml": text}, phase="document")
    assert found["a.xml"] == [("date-in-period", "error")]


def findings(tmp_path: Path, documents: dict[str, str], **kw) -> dict[str, list[tuple[str, str]]]:
    """{file name: [(rule id, message)]}, like `check`."""
    folder = edition(tmp_path, documents, **kw)
    validator = Validator(schematrons=[Schematron.from_file(schema_file("teikit.sch"))])
    files = sorted(folder.rglob("*.xml"))
    return {Path(r.file).name: [(f.rule_id, f.message) for f in r.findings] for r in validator.validate_files(files)}


STALIN = PERSONS + '<person xml:id="stalin"><persName type="preferred">Stalin</persName></person>'


def test_a_multi_valued_ref_whose_pointers_all_resolve_is_fine(tmp_path):
    """The tagger writes ref="#a #b" cert="low" when it cannot tell two people apart."""
    body = used_everywhere() + '<p><persName ref="#lenin #stalin" cert="low">the leader</persName></p>'
    found = check(tmp_path, {"a.xml": letter(body)}, persons=STALIN)
    assert found["a.xml"] == []


def test_a_multi_valued_ref_names_the_pointer_that_does_not_resolve(tmp_path):
    body = used_everywhere() + '<p><persName ref="#stalin #trotsky" cert="low">he</persName></p>'
    found = findings(tmp_path, {"a.xml": letter(body)}, persons=STALIN)
    assert found["a.xml"] == [("ref-resolves", "#trotsky in @ref=\"#stalin #trotsky\" is no entry of the edition's registers (tei/registers/persons.xml, places.xml, orgs.xml)")]


def test_a_multi_valued_ref_names_the_pointer_of_the_wrong_kind(tmp_path):
    body = used_everywhere() + '<p><persName ref="#stalin #moscow" cert="low">he</persName></p>'
    found = findings(tmp_path, {"a.xml": letter(body)}, persons=STALIN)
    assert found["a.xml"] == [("ref-kind", 'persName @ref="#stalin #moscow": #moscow is a place entry, not a person')]


def test_refs_of_a_document_in_a_sub_folder_are_checked_against_the_registers_above_it(tmp_path):
    (tmp_path / "1918").mkdir()
    found = check(tmp_path, {"a.xml": letter(used_everywhere()), "1918/b.xml": letter('<p><persName ref="#nobody-at-all">N</persName></p>')})
    assert found["b.xml"] == [("ref-resolves", "error")]


def test_a_document_in_a_sub_folder_validated_alone_finds_the_registers_above_it(tmp_path):
    (tmp_path / "1918").mkdir()
    edition(tmp_path, {"a.xml": letter(used_everywhere()), "1918/b.xml": letter('<p><persName ref="#nobody-at-all">N</persName></p>')})
    validator = Validator(schematrons=[Schematron.from_file(schema_file("teikit.sch"))])
    [report] = validator.validate_files([tmp_path / "1918" / "b.xml"])
    assert [f.rule_id for f in report.findings] == ["ref-resolves"]


def test_register_entries_used_only_in_sub_folders_are_not_reported_unused(tmp_path):
    (tmp_path / "1918").mkdir()
    (tmp_path / "1918" / "1922").mkdir()
    documents = {
        "1918/a.xml": letter('<p><persName ref="#lenin">Lenin</persName></p>'),
        "1918/1922/b.xml": letter('<p><placeName ref="#moscow">Moscow</placeName> <orgName ref="#politburo">PB</orgName></p>'),
    }
    found = check(tmp_path, documents)
    assert found["persons.xml"] == found["places.xml"] == found["orgs.xml"] == []


def test_hidden_files_are_not_documents_of_the_edition(tmp_path):
    edition(tmp_path, {"a.xml": letter(used_everywhere()), ".draft.xml": letter('<p><persName ref="#kamenev">K</persName></p>')},
            persons=PERSONS + '<person xml:id="kamenev"><persName type="preferred">Kamenev</persName></person>')
    validator = Validator(schematrons=[Schematron.from_file(schema_file("teikit.sch"))])
    [report] = validator.validate_files([tmp_path / "registers" / "persons.xml"])
    assert [f.rule_id for f in report.findings] == ["register-entry-unused"]
    assert "kamenev" in report.findings[0].message


def test_a_document_with_refs_and_no_registers_is_marked_unchecked(tmp_path):
    edition(tmp_path, {"a.xml": letter('<p><persName ref="#trotsky">Trotsky</persName></p>'), "b.xml": letter()}, registers=False)
    validator = Validator(schematrons=[Schematron.from_file(schema_file("teikit.sch"))])
    reports = validator.validate_files([tmp_path / "a.xml", tmp_path / "b.xml"])
    assert [(Path(r.file).name, r.refs_unchecked) for r in reports] == [("a.xml", True), ("b.xml", False)]


DEEP_PERSONS = PERSONS + '<person xml:id="stalin"><persName type="preferred">Stalin</persName><note>' + "<hi>" * 120 + "deep" + "</hi>" * 120 + "</note></person>"


def test_registers_saxon_refuses_are_one_finding_of_each_document(tmp_path):
    """Saxon's parser allows 100 levels of nesting; lxml more: the run goes on, file by file."""
    found = findings(tmp_path, {"a.xml": letter(used_everywhere()), "b.xml": letter(used_everywhere())}, persons=DEEP_PERSONS)
    assert [rule for rule, _ in found["a.xml"]] == [rule for rule, _ in found["b.xml"]] == ["schematron-run"]
    assert "the registers cannot be handed to the rules" in found["a.xml"][0][1]


def test_registers_saxon_refuses_print_nothing_on_the_terminal(tmp_path, capfd):
    findings(tmp_path, {"a.xml": letter(used_everywhere())}, persons=DEEP_PERSONS)
    assert capfd.readouterr().err == ""
