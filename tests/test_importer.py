"""The import pipeline over a batch: unchanged inputs are not read again, failures stay local."""

from __future__ import annotations

import shutil

import pytest
from conftest import RAW

from teikit import importer
from teikit.importer import import_raw
from teikit.teifile import WriteStatus

JOFFE = RAW / "1918-06-02-lenin-to-joffe.mia.txt"
WIKI = RAW / "1922-04-24-lenin-to-stalin.marxists-wiki.txt"


@pytest.fixture
def raw(tmp_path):
    folder = tmp_path / "raw"
    folder.mkdir()
    for page in (JOFFE, WIKI):
        shutil.copy(page, folder / page.name)
    return folder


def statuses(results):
    return [(r.skipped, [o.status for o in r.outcomes]) for r in results]


def test_unchanged_inputs_are_not_read_again(tmp_path, raw):
    out = tmp_path / "tei"
    first = import_raw([raw], out, jobs=1)
    assert statuses(first) == [(False, [WriteStatus.WRITTEN])] * 2
    second = import_raw([raw], out, jobs=1)
    assert statuses(second) == [(True, [WriteStatus.UNCHANGED])] * 2
    assert [r.family for r in second] == ["mia", "marxists-wiki"]


def test_a_changed_input_is_read_again(tmp_path, raw):
    out = tmp_path / "tei"
    import_raw([raw], out, jobs=1)
    page = raw / JOFFE.name
    page.write_text(page.read_text(encoding="utf-8").replace("Prenez garde!", "Prenez garde !"), encoding="utf-8")
    results = import_raw([raw], out, jobs=1)
    assert statuses(results) == [(False, [WriteStatus.UPDATED]), (True, [WriteStatus.UNCHANGED])]


def test_a_missing_output_is_written_again(tmp_path, raw):
    out = tmp_path / "tei"
    import_raw([raw], out, jobs=1)
    (out / "1918-06-02-lenin-to-joffe.xml").unlink()
    results = import_raw([raw], out, jobs=1)
    assert statuses(results)[0] == (False, [WriteStatus.WRITTEN])


def test_an_edited_output_of_an_unchanged_input_is_kept(tmp_path, raw):
    out = tmp_path / "tei"
    import_raw([raw], out, jobs=1)
    tei = out / "1918-06-02-lenin-to-joffe.xml"
    tei.write_text(tei.read_text(encoding="utf-8").replace("Joffe,", "Ioffe,"), encoding="utf-8")
    (first, second) = import_raw([raw], out, jobs=1)
    assert (first.skipped, first.outcomes[0].status, first.failed) == (False, WriteStatus.KEPT, False)
    assert second.skipped and "Ioffe," in tei.read_text(encoding="utf-8")


def test_two_inputs_wanting_one_name_never_take_each_others_file(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("On the Agrarian Question\n\nText of a.\n", encoding="utf-8")
    (raw / "b.txt").write_text("On the Agrarian Question\n\nText of b.\n", encoding="utf-8")
    out = tmp_path / "tei"
    import_raw([raw / "a.txt"], out, jobs=1)
    (b,) = import_raw([raw / "b.txt"], out, jobs=1)
    assert [o.path.name for o in b.outcomes] == ["undated-on-the-agrarian-question-2.xml"]
    assert "Text of a." in (out / "undated-on-the-agrarian-question.xml").read_text(encoding="utf-8")
    again = import_raw([raw], out, jobs=1)
    assert [(r.skipped, r.slugs) for r in again] == [
        (True, ["undated-on-the-agrarian-question"]),
        (True, ["undated-on-the-agrarian-question-2"]),
    ]


def test_a_document_renamed_to_keep_names_unique_has_its_dates_tagged(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("On the Agrarian Question\n\nWritten on 2 May 1920 in Kazan.\n", encoding="utf-8")
    (raw / "b.txt").write_text("On the Agrarian Question\n\nWritten on 2 May 1920 in Moscow.\n", encoding="utf-8")
    import_raw([raw], tmp_path / "tei", jobs=1)
    renamed = (tmp_path / "tei" / "undated-on-the-agrarian-question-2.xml").read_text(encoding="utf-8")
    assert 'Written on <date when="1920-05-02">2 May 1920</date> in Moscow.' in renamed


def test_warnings_are_repeated_when_an_input_is_skipped(tmp_path):
    page = tmp_path / "page.txt"
    page.write_bytes("Письмо\n\nПривет, товарищ.\n".encode("cp1251"))
    (first,) = import_raw([page], tmp_path / "tei", jobs=1)
    (second,) = import_raw([page], tmp_path / "tei", jobs=1)
    assert second.skipped and second.warnings == first.warnings and first.warnings


def test_a_page_that_no_longer_makes_a_file_says_so(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("Letter from the front\n\n1 May 1920\n\nText.\n", encoding="utf-8")
    import_raw([page], tmp_path / "tei", jobs=1)
    page.write_text("Letter from the front\n\n2 May 1920\n\nText.\n", encoding="utf-8")
    (result,) = import_raw([page], tmp_path / "tei", jobs=1)
    assert any("no longer produces 1920-05-01-letter-from-the-front.xml" in w for w in result.warnings)
    assert (tmp_path / "tei" / "1920-05-01-letter-from-the-front.xml").exists()


def test_forcing_another_reader_reads_again(tmp_path, raw):
    out = tmp_path / "tei"
    import_raw([raw / JOFFE.name], out, jobs=1)
    (result,) = import_raw([raw / JOFFE.name], out, family="generic", jobs=1, force=True)
    assert (result.skipped, result.family) == (False, "generic")


def test_a_reader_crash_is_one_error_and_the_batch_goes_on(tmp_path, raw, monkeypatch):
    real = importer._read_and_build

    def crash_on_wiki(result, read_text, text, old_style=None):
        if "Marxists-en" in text:
            raise RuntimeError("boom")
        real(result, read_text, text, old_style)

    monkeypatch.setattr(importer, "_read_and_build", crash_on_wiki)
    joffe, wiki = import_raw([raw], tmp_path / "tei", jobs=1)
    assert wiki.error == f"{raw / WIKI.name}: the marxists-wiki reader failed: RuntimeError: boom"
    assert joffe.outcomes[0].status is WriteStatus.WRITTEN


def test_progress_hears_the_total_then_each_input(tmp_path, raw):
    class Recorder:
        def __init__(self):
            self.events = []

        def start(self, total):
            self.events.append(("start", total))

        def advance(self, result):
            self.events.append(("done", result.source.name))

    recorder = Recorder()
    import_raw([raw], tmp_path / "tei", jobs=1, progress=recorder)
    assert recorder.events == [("start", 2), ("done", JOFFE.name), ("done", WIKI.name)]


def test_an_unwritable_import_record_costs_only_a_reread(tmp_path, raw, monkeypatch):
    from teikit import importrecord

    def refuse(path, data):
        if path.name == importrecord.RECORD_NAME:
            raise PermissionError("read-only")
        return real_write(path, data)

    real_write = importrecord.write_atomic
    monkeypatch.setattr(importrecord, "write_atomic", refuse)
    first = import_raw([raw], tmp_path / "tei", jobs=1)
    assert not any(r.failed for r in first)
    assert statuses(import_raw([raw], tmp_path / "tei", jobs=1)) == [(False, [WriteStatus.UNCHANGED])] * 2
