"""`teikit import` as a user runs it: summaries, exit codes, bad input, re-runs."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, RAW

from teikit.cli import main

JOFFE = RAW / "1918-06-02-lenin-to-joffe.mia.txt"


def run(*args: str):
    result = CliRunner().invoke(main, list(args), prog_name="teikit", catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


@pytest.fixture
def joffe_page(tmp_path):
    page = tmp_path / "raw" / "joffe.txt"
    page.parent.mkdir()
    shutil.copy(JOFFE, page)
    return page


def test_import_writes_one_tei_file_named_for_the_document(tmp_path, joffe_page):
    result = run("import", str(joffe_page), "-o", str(tmp_path / "tei"))
    assert result.exit_code == 0, result.output
    assert [p.name for p in (tmp_path / "tei").glob("*.xml")] == ["1918-06-02-lenin-to-joffe.xml"]
    assert "mia" in result.output and "1 input(s), 1 document(s), 0 failed" in result.output


def test_summary_as_json(tmp_path, joffe_page):
    result = run("import", str(joffe_page), "-o", str(tmp_path / "tei"), "--format", "json")
    summary = json.loads(result.output)
    (entry,) = summary["files"]
    assert entry["family"] == "mia"
    assert entry["documents"][0] == {
        "file": "1918-06-02-lenin-to-joffe.xml",
        "title": "V. I. Lenin to A. A. Joffe, 2 June 1918",
        "type": "letter",
        "date": "1918-06-02",
    }
    assert entry["written"][0]["status"] == "written"


def test_second_run_changes_nothing(tmp_path, joffe_page):
    out = tmp_path / "tei"
    run("import", str(joffe_page), "-o", str(out))
    before = (out / "1918-06-02-lenin-to-joffe.xml").read_bytes()
    result = run("import", str(joffe_page), "-o", str(out), "--format", "json")
    assert json.loads(result.output)["files"][0]["written"][0]["status"] == "unchanged"
    assert (out / "1918-06-02-lenin-to-joffe.xml").read_bytes() == before


def test_file_corrected_by_an_editor_is_kept_when_the_import_is_the_same(tmp_path, joffe_page):
    out = tmp_path / "tei"
    run("import", str(joffe_page), "-o", str(out))
    tei = out / "1918-06-02-lenin-to-joffe.xml"
    tei.write_text(tei.read_text(encoding="utf-8").replace("Comrade Joffe,", "Dear Comrade Joffe,"), encoding="utf-8")
    result = run("import", str(joffe_page), "-o", str(out))
    assert result.exit_code == 0 and "kept, edited by hand" in result.output
    assert "Dear Comrade Joffe," in tei.read_text(encoding="utf-8")


def test_file_corrected_by_an_editor_is_refused_when_the_import_changed(tmp_path, joffe_page):
    out = tmp_path / "tei"
    run("import", str(joffe_page), "-o", str(out))
    tei = out / "1918-06-02-lenin-to-joffe.xml"
    tei.write_text(tei.read_text(encoding="utf-8").replace("Comrade Joffe,", "Dear Comrade Joffe,"), encoding="utf-8")
    joffe_page.write_text(joffe_page.read_text(encoding="utf-8").replace("Prenez garde!", "Prenez garde !"), encoding="utf-8")
    result = run("import", str(joffe_page), "-o", str(out))
    assert result.exit_code == 1
    assert "edited since import" in result.output and "--force" in result.output
    assert "Dear Comrade Joffe," in tei.read_text(encoding="utf-8")
    assert run("import", str(joffe_page), "-o", str(out), "--force").exit_code == 0
    assert "Dear Comrade Joffe," not in tei.read_text(encoding="utf-8")


def test_explain_lists_dropped_lines_and_writes_nothing(tmp_path, joffe_page):
    out = tmp_path / "tei"
    result = run("import", str(joffe_page), "-o", str(out), "--explain")
    assert result.exit_code == 0
    assert "line 42: navigation links: < backward" in result.output
    assert "line 10: site link glued to the header line: README" in result.output
    assert not out.exists()


def test_family_option_forces_the_reader(tmp_path, joffe_page):
    result = run("import", str(joffe_page), "-o", str(tmp_path / "tei"), "--family", "generic", "--format", "json")
    assert json.loads(result.output)["files"][0]["family"] == "generic"


def test_unknown_family_is_a_usage_error(tmp_path, joffe_page):
    result = run("import", str(joffe_page), "--family", "nope")
    assert result.exit_code == 2 and "Invalid value for '--family'" in result.output


def test_unknown_option_is_a_usage_error():
    result = run("import", "x.txt", "--frobnicate")
    assert result.exit_code == 2 and "No such option '--frobnicate'" in result.output


def test_help_shows_examples():
    result = run("import", "--help")
    assert "Examples:" in result.output and "teikit import raw/ -o tei/" in result.output


BAD_INPUTS = {
    "empty.txt": (b"", "empty file"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary file"),
    "blank.txt": (b"  \n\n\t\n", "only white space"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_reported_in_one_line_and_the_batch_goes_on(tmp_path, joffe_page, name):
    data, message = BAD_INPUTS[name]
    bad = joffe_page.parent / name
    bad.write_bytes(data)
    out = tmp_path / "tei"
    result = run("import", str(joffe_page.parent), "-o", str(out))
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and str(bad) in errors[0] and message in errors[0]
    assert (out / "1918-06-02-lenin-to-joffe.xml").exists()


def test_missing_file_is_reported_and_the_others_still_run(tmp_path, joffe_page):
    result = run("import", str(tmp_path / "nowhere.txt"), str(joffe_page), "-o", str(tmp_path / "tei"))
    assert result.exit_code == 1
    assert "nowhere.txt" in result.output and "no such file" in result.output
    assert (tmp_path / "tei" / "1918-06-02-lenin-to-joffe.xml").exists()


def test_folder_without_text_files_is_an_error(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run("import", str(empty), "-o", str(tmp_path / "tei"))
    assert result.exit_code == 1 and "holds no .txt files" in result.output


@pytest.mark.parametrize(
    "encoding,bom", [("cp1251", b""), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("latin-1", b"")]
)
def test_other_encodings_are_detected_and_decoded(tmp_path, encoding, bom):
    title = "Письмо Ленина" if encoding != "latin-1" else "Lettre à Zürich"
    page = tmp_path / "page.txt"
    page.write_bytes(bom + f"{title}\n\nПривет, товарищ. Texte français: déjà été.\n".encode(encoding, errors="ignore"))
    result = run("import", str(page), "-o", str(tmp_path / "tei"), "--format", "json")
    assert result.exit_code == 0, result.output
    (written,) = (tmp_path / "tei").glob("*.xml")
    assert title in written.read_text(encoding="utf-8")


def test_import_of_a_batch_uses_worker_processes_and_names_stay_unique(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for k in range(5):
        shutil.copy(FIXTURES / "generic" / "plain-letter.txt", raw / f"copy{k}.txt")
    result = run("import", str(raw), "-o", str(tmp_path / "tei"), "--jobs", "2")
    assert result.exit_code == 0, result.output
    names = {p.name for p in (tmp_path / "tei").glob("*.xml")}
    assert names == {"1920-05-01-a-letter-found-in-a.xml"} | {
        f"1920-05-01-a-letter-found-in-a-{n}.xml" for n in range(2, 6)
    }


def test_explain_lists_dropped_lines_in_page_order(tmp_path, joffe_page):
    result = run("import", str(joffe_page), "--explain")
    lines = [int(line.split()[1].rstrip(":")) for line in result.output.splitlines() if line.startswith("  line ")]
    assert lines == sorted(lines) and len(lines) >= 5


def old_style_letter(tmp_path):
    page = tmp_path / "raw" / "letter.txt"
    page.parent.mkdir()
    shutil.copy(FIXTURES / "generic" / "untitled-letter-no-title.txt", page)  # "Paris, 14 July 1910"
    return page


def test_dates_in_the_text_are_tagged_on_import(tmp_path):
    run("import", str(old_style_letter(tmp_path)), "-o", str(tmp_path / "tei"))
    (written,) = (tmp_path / "tei").glob("*.xml")
    assert b'<date when="1910-07-14">14 July 1910</date>' in written.read_bytes()


def test_old_style_option_gives_gregorian_dates_with_a_julian_calendar(tmp_path):
    run("import", str(old_style_letter(tmp_path)), "-o", str(tmp_path / "tei"), "--old-style")
    (written,) = (tmp_path / "tei").glob("*.xml")
    data = written.read_bytes()
    assert b'<calendar xml:id="julian">' in data
    assert b'calendar="#julian" when="1910-07-27">14 July 1910</date>' in data


def test_changing_the_calendar_option_imports_again(tmp_path):
    page, out = old_style_letter(tmp_path), tmp_path / "tei"
    run("import", str(page), "-o", str(out))
    result = run("import", str(page), "-o", str(out), "--old-style", "--format", "json")
    assert json.loads(result.output)["files"][0]["written"][0]["status"] == "updated"
