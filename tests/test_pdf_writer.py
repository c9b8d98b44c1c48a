"""The PDF writer on the sample edition (tei/*.xml): a PDF per document and the edition.

The sample edition is rendered once for the module; the tests read the PDFs back with
pdftotext, page by page, and check what a reader of a printed edition expects.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT
from fixtures.pdf.pdftext import missing_words, pdf_pages, pdf_text, pdf_text_raw, require_pdftotext
from render_support import tei

from teikit import saxon
from teikit.resources import stylesheet
from teikit.writers import pdf as pdf_writer
from teikit.writers.pdf import check_params, typst_document, write_pdf
from teikit.xmlio import parse_xml

SAMPLES = sorted((ROOT / "tei").glob("*.xml"))
PDF_FIXTURES = FIXTURES / "pdf"


pages = pdf_pages


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    out = tmp_path_factory.mktemp("pdf")
    report = write_pdf(SAMPLES, out, {"edition-title": "Sample Edition"}, None)
    return out, report


def test_every_sample_document_gets_a_pdf_and_the_edition_one_more(sample):
    _out, report = sample
    assert report.failures == []
    assert sorted(p.name for p in report.written) == sorted([d.stem + ".pdf" for d in SAMPLES] + ["edition.pdf"])
    assert all(p.read_bytes().startswith(b"%PDF-") for p in report.written)


@pytest.mark.parametrize("document", SAMPLES, ids=lambda p: p.stem)
def test_every_word_of_a_sample_text_is_in_its_pdf(sample, document):
    out, _ = sample
    assert missing_words(parse_xml(document).getroot(), out / f"{document.stem}.pdf") == []


def test_every_word_of_every_text_is_in_the_edition(sample):
    out, _ = sample
    for document in SAMPLES:
        assert missing_words(parse_xml(document).getroot(), out / "edition.pdf") == [], document.name


def test_edition_opens_with_a_title_page_then_contents(sample):
    out, _ = sample
    first, second = pages(out / "edition.pdf")[:2]
    assert "Sample Edition" in first and "5 documents, 1918–1938" in first
    assert second.startswith("Contents")


def test_edition_lists_and_prints_the_documents_in_chronological_order(sample):
    out, _ = sample
    contents = flat(pages(out / "edition.pdf")[1])
    titles = ["V. I. Lenin to A. A. Joffe, 2 June 1918", "Letter to Joseph Stalin", "L. P. Serebryakov to I. V. Stalin",
              "Maisky, diary entry, 31 December 1934", "Krestinsky's Repudiation"]
    positions = [contents.index(t) for t in titles]
    assert positions == sorted(positions)
    body = flat(pdf_text(out / "edition.pdf"))
    first_lines = ["Comrade Joffe,", "Comrade Stalin for the Politbureau", "T. Stalin!", "Another year has ended", "In the first session"]
    printed = [body.index(line) for line in first_lines]
    assert printed == sorted(printed)


def test_contents_give_the_page_each_document_starts_on(sample):
    out, _ = sample
    all_pages = pages(out / "edition.pdf")
    contents = flat(all_pages[1])
    page = int(re.search(r"Maisky, diary entry, 31 December 1934\D*(\d+)", contents).group(1))
    assert "Another year has ended" in all_pages[page - 1]


def test_a_footnote_is_printed_at_the_foot_of_the_page_of_its_marker(sample):
    out, _ = sample
    first = flat(pages(out / "1918-06-02-lenin-to-joffe.pdf")[0])
    marker = first.index("Larin, too, I believe.1 I take this opportunity")
    note = first.index("1 Sokolnikov, Bukharin and Larin went to Berlin")
    assert note > first.index("Prenez garde") > marker


def test_pages_after_the_first_carry_the_document_title_as_running_head(sample):
    out, _ = sample
    diary = pages(out / "1934-12-31-maisky-diary.pdf")
    assert len(diary) > 3
    for number, text in enumerate(diary[1:], start=2):
        head = flat("\n".join(text.splitlines()[:2]))
        assert "Maisky, diary entry, 31 December 1934" in head, number
        assert re.search(rf"(^|\s){number}(\s|$)", head), number


def test_the_first_page_of_a_document_has_its_number_at_the_foot(sample):
    out, _ = sample
    first = pages(out / "1934-12-31-maisky-diary.pdf")[0].splitlines()
    assert first[-1].strip() == "1"


def test_editorial_brackets_and_page_breaks_are_shown(sample):
    out, _ = sample
    serebryakov = flat(pdf_text(out / "1926-03-27-serebryakov-to-stalin.pdf"))
    assert "opposition [19]23" in serebryakov
    diary = flat(pdf_text(out / "1934-12-31-maisky-diary.pdf"))
    assert re.search(r"\|insisted on its admittance", diary)  # pb n="59": a bar in the text
    assert re.search(r"(^|\s)59(\s|$)", diary)  # ... and the number in the margin


def test_header_shows_sender_recipient_date_source_translator_and_licence(sample):
    out, _ = sample
    head = flat(pages(out / "1918-06-02-lenin-to-joffe.pdf")[0])
    for expected in ["from V. I. Lenin", "to A. A. JOFFE (Berlin)", "date 2 June 1918",
                     "source Lenin Collected Works, Progress Publishers, 1975",
                     "translated by Clemens Dutt", "licence Public Domain: Lenin Internet Archive"]:
        assert expected in head, expected


# --- languages ---------------------------------------------------------------------------


def test_the_document_language_and_each_elements_xml_lang_reach_typst():
    executable = saxon.compile_stylesheet(stylesheet("pdf.xsl"))
    markup = typst_document(executable, PDF_FIXTURES / "multilingual.xml", {}).markup
    assert 'lang: "en",' in markup
    assert '#tk-lang(lang: "ru")[' in markup and '#tk-lang(lang: "el")[' in markup and '#tk-lang(lang: "de")[' in markup


def test_an_unusable_language_tag_is_left_out_rather_than_breaking_the_page():
    executable = saxon.compile_stylesheet(stylesheet("pdf.xsl"))
    markup = typst_document(executable, PDF_FIXTURES / "hostile.xml", {}).markup
    assert "klingon" not in markup and '#tk-lang(lang: "ru")[' in markup


def test_hyphenation_follows_xml_lang(tmp_path):
    """The same Cyrillic paragraph is hyphenated when marked Russian, not when marked English."""
    report = write_pdf([PDF_FIXTURES / "multilingual.xml"], tmp_path, {"edition": "no"}, None)
    assert report.failures == []
    text = pdf_text_raw(tmp_path / "multilingual.pdf")
    russian, english = text.split("Международное")[1:3]
    assert re.search("[а-я]\u00ad\n[а-я]", russian)
    assert not re.search("[а-я]\u00ad\n[а-я]", english)


# --- failures ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def with_failures(tmp_path_factory):
    out = tmp_path_factory.mktemp("failing")
    bad = PDF_FIXTURES / "bad"
    documents = [SAMPLES[0], bad / "not-well-formed.xml", bad / "not-tei.xml", SAMPLES[1]]
    return out, write_pdf(documents, out, {}, None)


def test_a_broken_document_is_reported_and_the_others_are_rendered(with_failures):
    _out, report = with_failures
    assert sorted(p.name for p in report.written) == sorted([SAMPLES[0].stem + ".pdf", SAMPLES[1].stem + ".pdf", "edition.pdf"])
    messages = {f.document.name: f.message for f in report.failures}
    assert set(messages) == {"not-well-formed.xml", "not-tei.xml"}
    assert re.match(r".*not-well-formed\.xml:\d+:\d+: not well-formed XML", messages["not-well-formed.xml"])
    assert "not a TEI document: the root element is html" in messages["not-tei.xml"]
    assert all("\n" not in m for m in messages.values())


def test_a_failure_leaves_no_file_behind(with_failures):
    out, _ = with_failures
    assert sorted(p.name for p in out.iterdir()) == sorted([SAMPLES[0].stem + ".pdf", SAMPLES[1].stem + ".pdf", "edition.pdf"])


def test_an_xslt_error_names_the_document_and_the_stylesheet_line(tmp_path):
    custom = tmp_path / "strict.xsl"
    custom.write_text(f"""<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
        xmlns:tei="http://www.tei-c.org/ns/1.0">
      <xsl:import href="{stylesheet('pdf.xsl').resolve().as_uri()}"/>
      <xsl:template match="tei:postscript">
        <xsl:sequence select="error((), 'no postscripts in this edition')"/>
      </xsl:template>
    </xsl:stylesheet>""")
    report = write_pdf(SAMPLES[:2], tmp_path / "out", {"edition": "no"}, None, stylesheet=custom)
    [failure] = report.failures
    assert failure.document == SAMPLES[0]
    assert failure.message == f"{SAMPLES[0]}: strict.xsl:5: no postscripts in this edition"
    assert [p.name for p in report.written] == [SAMPLES[1].stem + ".pdf"]


def test_a_typst_error_names_the_document_and_the_generated_line(tmp_path):
    custom = tmp_path / "bad-markup.xsl"
    custom.write_text(f"""<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
        xmlns:tei="http://www.tei-c.org/ns/1.0">
      <xsl:import href="{stylesheet('pdf.xsl').resolve().as_uri()}"/>
      <xsl:template match="tei:salute">#no-such-function[<xsl:apply-templates/>]</xsl:template>
    </xsl:stylesheet>""")
    report = write_pdf([SAMPLES[0]], tmp_path / "out", {}, None, stylesheet=custom)
    [failure] = report.failures
    assert failure.message.startswith(f"{SAMPLES[0]}: Typst: unknown variable: no-such-function (generated Typst line ")
    assert report.written == []
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_an_edition_overrides_a_template_by_importing_pdf_xsl(tmp_path):
    custom = tmp_path / "my-pdf.xsl"
    custom.write_text(f"""<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
        xmlns:tei="http://www.tei-c.org/ns/1.0">
      <xsl:import href="{stylesheet('pdf.xsl').resolve().as_uri()}"/>
      <xsl:template match="tei:supplied">#tk-italic[<xsl:apply-templates/>]</xsl:template>
    </xsl:stylesheet>""")
    report = write_pdf([SAMPLES[2]], tmp_path, {"edition": "no"}, None, stylesheet=custom)
    text = flat(pdf_text(report.written[0]))
    assert "opposition 1923" in text and "[19]" not in text


def test_an_edition_restyles_a_layout_function_with_its_own_typst(tmp_path):
    style = tmp_path / "style.typ"
    style.write_text("#let tk-supplied(body) = [<<#body>>]\n")
    report = write_pdf([SAMPLES[2]], tmp_path, {"edition": "no", "typst-style": str(style)}, None)
    assert "opposition <<19>>23" in flat(pdf_text(report.written[0]))


def test_an_edition_that_fails_to_compile_is_reported_and_the_documents_kept(tmp_path):
    style = tmp_path / "broken-contents.typ"
    style.write_text('#let tk-contents() = panic("no contents today")\n')  # used by the edition only
    report = write_pdf(SAMPLES[:2], tmp_path / "out", {"typst-style": str(style)}, None)
    assert sorted(p.name for p in report.written) == sorted(d.stem + ".pdf" for d in SAMPLES[:2])
    [failure] = report.failures
    assert failure.document is None
    assert failure.message.startswith("edition.pdf: Typst: panicked with: no contents today (generated Typst line 2:")
    assert not (tmp_path / "out" / "edition.pdf").exists()


def test_the_stylesheet_is_compiled_once_for_all_documents(tmp_path, monkeypatch):
    calls = []
    real = saxon.compile_stylesheet
    monkeypatch.setattr(saxon, "compile_stylesheet", lambda path, *a: calls.append(path) or real(path, *a))
    write_pdf(SAMPLES[:3], tmp_path, {"edition": "no"}, None)
    assert calls == [stylesheet("pdf.xsl")]


def test_edition_no_writes_only_the_documents(tmp_path):
    report = write_pdf(SAMPLES[:2], tmp_path, {"edition": "no"}, None)
    assert sorted(p.name for p in report.written) == sorted(d.stem + ".pdf" for d in SAMPLES[:2])


def test_parameters_the_writer_reads_are_checked():
    assert check_params({"edition": "no", "edition-title": "x"}) == []
    assert check_params({"edition": "maybe"}) == ["edition='maybe': expected yes or no"]
    assert check_params({"font-path": "/no/such/folder"}) == ["font-path: /no/such/folder: no such folder"]
    assert check_params({"typst-style": "/no/such.typ"}) == ["typst-style: /no/such.typ: no such file"]


def test_a_documents_pdf_carries_its_title_in_the_metadata(sample):
    out, _ = sample
    info = subprocess.run([require_pdftotext("pdfinfo"), str(out / "1934-12-31-maisky-diary.pdf")],
                          capture_output=True, check=True).stdout.decode()
    assert re.search(r"^Title:\s+Maisky, diary entry, 31 December 1934$", info, re.MULTILINE)


def test_the_pdfs_embed_only_fonts_bundled_with_typst(sample):
    out, _ = sample
    pdffonts = require_pdftotext("pdffonts")
    listing = subprocess.run([pdffonts, str(out / "edition.pdf")], capture_output=True, check=True).stdout.decode()
    fonts = {line.split()[0].split("+")[-1] for line in listing.splitlines()[2:]}
    assert fonts and all(f.startswith(("LibertinusSerif", "NewCM", "DejaVuSansMono")) for f in fonts), fonts


DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


@pytest.mark.skipif(not (DEJAVU / "DejaVuSans.ttf").is_file(), reason=f"no DejaVu Sans in {DEJAVU} to add")
def test_font_path_adds_fonts_for_scripts_the_bundled_ones_lack(tmp_path):
    tifinagh = tmp_path / "tifinagh.xml"  # a script none of the bundled fonts has
    tifinagh.write_text('''<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>G</title>
        </titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc>
        </teiHeader><text><body><p xml:lang="zgh">ⵜⵉⴼⵉⵏⴰⵖ</p></body></text></TEI>''', encoding="utf-8")
    pdffonts = require_pdftotext("pdffonts")

    def fonts(params: dict) -> str:
        out = tmp_path / str(len(params))
        write_pdf([tifinagh], out, {"edition": "no", **params}, None)
        return subprocess.run([pdffonts, str(out / "tifinagh.pdf")], capture_output=True, check=True).stdout.decode()

    assert "+DejaVuSans " not in fonts({})
    assert "+DejaVuSans " in fonts({"font-path": str(DEJAVU)})


def test_typst_refusing_markup_raises_a_one_line_error():
    with pytest.raises(pdf_writer.TypstCompileError, match=r"^Typst: .*\(generated Typst line 2: #text\(font: 12\)\[x\]\)$"):
        pdf_writer.compile_typst("x\n#text(font: 12)[x]")


def test_a_typst_style_that_is_not_utf8_is_a_parameter_problem(tmp_path):
    style = tmp_path / "utf16.typ"
    style.write_bytes("#let tk-p(body) = [#body]".encode("utf-16"))
    assert check_params({"typst-style": str(style)}) == [f"typst-style: {style}: not UTF-8 text (byte 1 cannot be decoded)"]


def test_an_output_folder_that_is_a_file_is_one_failure_not_a_traceback(tmp_path):
    (tmp_path / "afile").touch()
    report = write_pdf(SAMPLES[:1], tmp_path / "afile" / "sub", {}, None)
    assert [f.message for f in report.failures] == [f"cannot create the output folder {tmp_path / 'afile' / 'sub'}: Not a directory"]


def test_a_pdf_that_cannot_be_written_is_a_failure_of_its_document(tmp_path):
    (tmp_path / f"{SAMPLES[0].stem}.pdf").mkdir()  # a folder where the PDF should go
    report = write_pdf(SAMPLES[:2], tmp_path, {}, None)
    [failure] = report.failures
    assert failure.document == SAMPLES[0]
    assert failure.message.startswith(f"{SAMPLES[0]}: cannot write {tmp_path / SAMPLES[0].stem}.pdf: ")
    assert sorted(p.name for p in report.written) == [f"{SAMPLES[1].stem}.pdf", "edition.pdf"]


def test_an_edition_pdf_that_cannot_be_written_is_a_failure_of_the_run(tmp_path):
    (tmp_path / "edition.pdf").mkdir()
    report = write_pdf(SAMPLES[:1], tmp_path, {}, None)
    [failure] = report.failures
    assert failure.document is None and failure.message.startswith(f"cannot write {tmp_path / 'edition.pdf'}: ")
    assert [p.name for p in report.written] == [f"{SAMPLES[0].stem}.pdf"]


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085"], ids=["LS", "PS", "NEL"])
def test_a_title_with_a_line_separator_cannot_inject_typst(tmp_path, separator):
    hostile = tmp_path / "hostile-title.xml"
    title = f'Evil{separator}#panic("TYPST-INJECTED") letter'
    hostile.write_text(tei().replace("A test", title), encoding="utf-8")
    report = write_pdf([hostile], tmp_path / "out", {}, None)
    assert report.failures == []
    info = subprocess.run([require_pdftotext("pdfinfo"), str(tmp_path / "out" / "hostile-title.pdf")],
                          capture_output=True, check=True).stdout.decode()
    assert re.search(r'^Title:\s+Evil #panic\("TYPST-INJECTED"\) letter$', info, re.MULTILINE)
