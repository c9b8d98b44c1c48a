"""Writing TEI files: stable bytes, editors' changes detected, atomic replacement."""

from __future__ import annotations

import os

import pytest
from lxml import etree

from teikit.teifile import FileState, WriteStatus, file_state, serialize, write_atomic, write_tei

MIXED = b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div><p><supplied>and</supplied> so <note>n</note>on</p><p>x</p></div></body></text></TEI>'


def body() -> bytes:
    return serialize(etree.fromstring(MIXED))


def test_indentation_never_changes_mixed_content():
    root = etree.fromstring(serialize(etree.fromstring(MIXED)))
    first_p = root.find(".//{*}p")
    assert etree.tostring(first_p, with_tail=False).decode().endswith(
        "><supplied>and</supplied> so <note>n</note>on</p>"
    )


def test_structure_is_indented():
    assert b"\n      <div>\n        <p>" in body()


def test_new_file_is_written_with_a_checksum_stamp(tmp_path):
    path = tmp_path / "a.xml"
    assert write_tei(path, body(), "raw/a.txt").status is WriteStatus.WRITTEN
    assert path.read_bytes().startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<?teikit-import checksum="sha256:')
    assert file_state(path) is FileState.AS_IMPORTED


def test_rewriting_identical_content_leaves_the_file_alone(tmp_path):
    path = tmp_path / "a.xml"
    write_tei(path, body(), "raw/a.txt")
    before = path.stat().st_mtime_ns
    assert write_tei(path, body(), "raw/a.txt").status is WriteStatus.UNCHANGED
    assert path.stat().st_mtime_ns == before


def test_file_edited_by_hand_is_not_overwritten(tmp_path):
    path = tmp_path / "a.xml"
    write_tei(path, body(), "raw/a.txt")
    edited = path.read_bytes().replace(b" so ", b" so (corrected) ")
    path.write_bytes(edited)
    outcome = write_tei(path, body().replace(b"x", b"y"), "raw/a.txt")
    assert outcome.status is WriteStatus.REFUSED
    assert "edited since import" in outcome.reason and "--force" in outcome.reason
    assert path.read_bytes() == edited


def test_edited_file_is_kept_when_the_import_would_write_the_same(tmp_path):
    path = tmp_path / "a.xml"
    write_tei(path, body(), "raw/a.txt")
    edited = path.read_bytes().replace(b" so ", b" so (corrected) ")
    path.write_bytes(edited)
    assert write_tei(path, body(), "raw/a.txt").status is WriteStatus.KEPT
    assert path.read_bytes() == edited


def test_file_imported_from_another_input_is_not_taken_over(tmp_path):
    path = tmp_path / "a.xml"
    write_tei(path, body(), "raw/a.txt")
    outcome = write_tei(path, body().replace(b"x", b"y"), "raw/b.txt")
    assert outcome.status is WriteStatus.REFUSED and "imported from raw/a.txt" in outcome.reason


def test_written_files_get_ordinary_permissions_and_keep_existing_ones(tmp_path):
    path = tmp_path / "a.xml"
    old = os.umask(0o022)
    try:
        write_tei(path, body(), "raw/a.txt")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644
    path.chmod(0o664)
    write_tei(path, body().replace(b"x", b"y"), "raw/a.txt")
    assert path.stat().st_mode & 0o777 == 0o664


def test_file_not_written_by_teikit_is_not_overwritten(tmp_path):
    path = tmp_path / "a.xml"
    path.write_text("<TEI/>")
    assert write_tei(path, body(), "raw/a.txt").status is WriteStatus.REFUSED
    assert path.read_text() == "<TEI/>"


def test_force_replaces_an_edited_file(tmp_path):
    path = tmp_path / "a.xml"
    path.write_text("<TEI/>")
    assert write_tei(path, body(), "raw/a.txt", force=True).status is WriteStatus.UPDATED
    assert file_state(path) is FileState.AS_IMPORTED


def test_changed_import_updates_an_unedited_file(tmp_path):
    path = tmp_path / "a.xml"
    write_tei(path, body(), "raw/a.txt")
    assert write_tei(path, body().replace(b"x", b"y"), "raw/a.txt").status is WriteStatus.UPDATED


def test_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "a.xml"
    path.write_bytes(b"old")

    def crash(*_args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        write_atomic(path, b"new")
    assert path.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["a.xml"]


# Enrichers (entity and date tagging) rewrite files after import.


def enrich(path):
    """What an enricher does: parse the file, change the text, write it back."""
    from teikit.teifile import rewrite_tei
    from teikit.xmlio import parse_xml

    root = parse_xml(path).getroot()
    root.find(".//{*}p[2]").text = "tagged"
    return rewrite_tei(path, root)


def test_an_enriched_file_is_still_teikits_own(tmp_path):
    path = tmp_path / "a.xml"
    write_tei(path, body(), "raw/a.txt")
    assert enrich(path) is True
    assert file_state(path) is FileState.AS_IMPORTED
    assert b' import="sha256:' in path.read_bytes().split(b"\n")[1]


def test_enriching_twice_changes_nothing(tmp_path):
    path = tmp_path / "a.xml"
    write_tei(path, body(), "raw/a.txt")
    enrich(path)
    before = path.read_bytes()
    assert enrich(path) is False
    assert path.read_bytes() == before


def test_reimporting_the_same_text_keeps_the_enrichment(tmp_path):
    path = tmp_path / "a.xml"
    write_tei(path, body(), "raw/a.txt")
    enrich(path)
    enriched = path.read_bytes()
    assert write_tei(path, body(), "raw/a.txt").status is WriteStatus.UNCHANGED
    assert path.read_bytes() == enriched


def test_reimporting_changed_text_replaces_an_enriched_file(tmp_path):
    path = tmp_path / "a.xml"
    write_tei(path, body(), "raw/a.txt")
    enrich(path)
    changed = body().replace(b">x<", b">y<")
    assert write_tei(path, changed, "raw/a.txt").status is WriteStatus.UPDATED
    assert b">y<" in path.read_bytes() and b"tagged" not in path.read_bytes()


def test_enriching_an_edited_file_keeps_it_marked_as_edited(tmp_path):
    path = tmp_path / "a.xml"
    write_tei(path, body(), "raw/a.txt")
    path.write_bytes(path.read_bytes().replace(b"> so <", b"> so (corrected) <"))
    enrich(path)
    assert file_state(path) is FileState.EDITED
    assert b"so (corrected)" in path.read_bytes() and b"tagged" in path.read_bytes()
    changed = body().replace(b">x<", b">y<")
    assert write_tei(path, changed, "raw/a.txt").status is WriteStatus.REFUSED


def test_enriching_a_file_teikit_did_not_write_adds_no_stamp(tmp_path):
    path = tmp_path / "a.xml"
    path.write_bytes(b'<?xml version="1.0"?>\n<!-- theirs -->\n' + MIXED)
    assert enrich(path) is True
    data = path.read_bytes()
    assert b"teikit-import" not in data and b"<!-- theirs -->" in data and b"tagged" in data


def test_comments_among_structural_elements_are_kept_as_they_are():
    root = etree.fromstring(MIXED.replace(b"<body>", b"<body><!-- to check -->"))
    assert b"<body>\n      <!-- to check -->\n      <div>" in serialize(root)


def test_enriching_an_edited_file_keeps_the_editors_processing_instructions(tmp_path):
    path = tmp_path / "a.xml"
    write_tei(path, body(), "raw/a.txt")
    stamp_line, rest = path.read_bytes().split(b"\n", 2)[1:]
    model = b'<?xml-model href="tei_all.rng" type="application/xml"?>'
    path.write_bytes(b'<?xml version="1.0" encoding="UTF-8"?>\n' + stamp_line + b"\n" + model + b"\n" + rest + b"<!-- checked -->\n")
    enrich(path)
    data = path.read_bytes()
    assert model in data and b"<!-- checked -->" in data and b"tagged" in data
    assert file_state(path) is FileState.EDITED
