"""The HTML writer on bad input, failing stylesheets, missing registers, and an edition's
own stylesheet overriding teikit's templates."""

from __future__ import annotations

from pathlib import Path

from html_support import (
    EDITION,
    HTML_FIXTURES,
    REGISTERS,
    broken_links,
    page,
    scratch,
    text,
    xpath_one,
)

from teikit.writers.html import write_html

OVERRIDE = HTML_FIXTURES / "override"
DOCUMENTS = sorted(EDITION.glob("*.xml"))
STALIN_LETTER = EDITION / "1922-04-24-lenin-to-stalin.xml"


def leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


def test_unreadable_document_is_reported_and_the_others_rendered():
    out = scratch("bad-input")
    broken = out.parent / "broken.xml"
    broken.write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><text>", encoding="utf-8")
    report = write_html([broken, *DOCUMENTS], out / "site", {}, REGISTERS)
    assert [f.document for f in report.failures] == [broken]
    assert report.failures[0].message.startswith(f"{broken}:")
    assert "not well-formed" in report.failures[0].message
    assert len(list((out / "site" / "documents").glob("*.html"))) == len(DOCUMENTS)


def test_xml_that_is_not_tei_is_reported():
    out = scratch("not-tei")
    other = out / "note.xml"
    other.write_text("<note>hello</note>", encoding="utf-8")
    report = write_html([other], out / "site", {}, None)
    assert report.failures[0].message == f"{other}: not a TEI document (its root is note)"


def test_stylesheet_error_names_the_document_and_the_stylesheet_line():
    out = scratch("failing")
    report = write_html(DOCUMENTS, out, {}, REGISTERS, stylesheet=OVERRIDE / "fails-on-quote.xsl")
    assert [f.document for f in report.failures] == [STALIN_LETTER]
    message = report.failures[0].message
    assert message.startswith(f"{STALIN_LETTER}: fails-on-quote.xsl:11:")
    assert "quotations are not allowed here" in message


def test_failing_document_leaves_no_page_and_no_half_written_file():
    out = scratch("failing-files")
    write_html(DOCUMENTS, out, {}, REGISTERS, stylesheet=OVERRIDE / "fails-on-quote.xsl")
    pages = sorted(p.name for p in (out / "documents").iterdir())
    assert pages == ["1918-06-02-lenin-to-joffe.html", "1918-08-21-stalin-telegram-ru.html"]
    assert leftovers(out) == []
    assert (out / "index.html").is_file()


def test_failing_document_is_left_out_of_the_indexes_and_no_link_breaks():
    out = scratch("failing-links")
    write_html(DOCUMENTS, out, {}, REGISTERS, stylesheet=OVERRIDE / "fails-on-quote.xsl")
    listed = page(out, "index.html").xpath("//td[@class='title']/a/@href")
    assert listed == ["documents/1918-06-02-lenin-to-joffe.html", "documents/1918-08-21-stalin-telegram-ru.html"]
    assert broken_links(out) == []


def test_page_left_from_an_earlier_build_is_removed_when_its_document_fails():
    out = scratch("stale")
    write_html(DOCUMENTS, out, {}, REGISTERS)
    assert (out / "documents" / "1922-04-24-lenin-to-stalin.html").is_file()
    write_html(DOCUMENTS, out, {}, REGISTERS, stylesheet=OVERRIDE / "fails-on-quote.xsl")
    assert not (out / "documents" / "1922-04-24-lenin-to-stalin.html").exists()


def test_pages_of_a_document_removed_from_the_edition_are_removed_and_nothing_else():
    out = scratch("removed")
    write_html(DOCUMENTS, out, {}, REGISTERS)
    (out / "documents" / "notes-of-the-editors.html").write_text("kept", encoding="utf-8")
    write_html([d for d in DOCUMENTS if d != STALIN_LETTER], out, {}, REGISTERS)
    assert not (out / "documents" / "1922-04-24-lenin-to-stalin.html").exists()
    assert not (out / "tei" / "1922-04-24-lenin-to-stalin.xml").exists()
    assert (out / "documents" / "notes-of-the-editors.html").read_text(encoding="utf-8") == "kept"
    assert broken_links(out) == []


def test_stylesheet_that_does_not_compile_fails_the_run_in_one_line():
    out = scratch("no-compile")
    report = write_html(DOCUMENTS, out, {}, REGISTERS, stylesheet=OVERRIDE / "does-not-compile.xsl")
    assert [f.document for f in report.failures] == [None]
    assert "does-not-compile.xsl" in report.failures[0].message
    assert "\n" not in report.failures[0].message
    assert not (out / "index.html").exists()


def test_without_registers_names_are_text_and_the_indexes_say_there_is_no_register():
    out = scratch("no-registers")
    report = write_html(DOCUMENTS, out, {}, None)
    assert report.failures == []
    letter = page(out, "documents/1918-06-02-lenin-to-joffe.html")
    assert letter.xpath("//main//a[contains(@class, 'name')]") == []
    assert text(xpath_one(letter, "//main//p//span[contains(@class, 'name')][. = 'Sokolnikov']")) == "Sokolnikov"
    assert "no register of persons" in text(xpath_one(page(out, "persons.html"), "//p[@class='lead']"))


def test_broken_register_file_is_reported_and_the_site_built_without_registers():
    out = scratch("bad-register")
    registers = out / "registers"
    registers.mkdir()
    (registers / "persons.xml").write_text("<TEI", encoding="utf-8")
    report = write_html(DOCUMENTS, out / "site", {}, registers)
    assert [f.document for f in report.failures] == [registers / "persons.xml"]
    assert (out / "site" / "index.html").is_file()


def test_edition_title_is_a_parameter():
    out = scratch("title")
    write_html(DOCUMENTS[:1], out, {"edition-title": "Lenin’s Letters"}, REGISTERS)
    index = page(out, "index.html")
    assert text(xpath_one(index, "//p[@class='site-title']")) == "Lenin’s Letters"
    assert text(xpath_one(index, "//title")) == "Documents · Lenin’s Letters"


def test_an_editions_stylesheet_overrides_teikits_templates():
    out = scratch("override")
    report = write_html(DOCUMENTS, out, {}, REGISTERS, stylesheet=OVERRIDE / "edition.xsl")
    assert report.failures == []
    letter = page(out, "documents/1918-06-02-lenin-to-joffe.html")
    wrapped = xpath_one(letter, "//main//p//span[@class='edition-person'][. = 'Sokolnikov']")
    assert xpath_one(wrapped, "a").get("href") == "../persons.html#sokolnikov"  # teikit's own rendering inside
    assert text(xpath_one(letter, "//footer")) == "Edited by the Example Project. Funded by nobody in particular."


def test_the_same_page_name_twice_gets_a_numbered_name():
    out = scratch("clash")
    other = out / "elsewhere"
    other.mkdir()
    twin = other / DOCUMENTS[0].name
    twin.write_bytes(DOCUMENTS[0].read_bytes())
    write_html([DOCUMENTS[0], twin], out / "site", {}, None)
    assert sorted(p.name for p in (out / "site" / "documents").iterdir()) == [
        "1918-06-02-lenin-to-joffe-2.html", "1918-06-02-lenin-to-joffe.html"]


def test_an_output_folder_that_is_a_file_is_one_failure_not_a_traceback():
    out = scratch("out-is-a-file")
    (out / "afile").touch()
    report = write_html(DOCUMENTS[:1], out / "afile" / "site", {}, None)
    assert [f.message for f in report.failures] == [
        f"cannot create the output folder {out / 'afile' / 'site'}: Not a directory"]
    assert report.written == []


def test_a_page_that_cannot_be_written_is_a_failure_of_its_document():
    out = scratch("unwritable-page")
    (out / "site").mkdir()
    (out / "site" / "documents").touch()  # a file where the pages' folder should be
    report = write_html([STALIN_LETTER], out / "site", {}, None)
    [failure] = report.failures
    assert failure.document == STALIN_LETTER
    assert failure.message.startswith(f"{STALIN_LETTER}: cannot write {out / 'site' / 'documents' / STALIN_LETTER.stem}.html: ")
    assert "\n" not in failure.message
    assert (out / "site" / "index.html").is_file()  # the rest of the site is still written

