"""The committed sample edition in tei/: valid TEI, and what `make edition` reproduces."""

from __future__ import annotations

import pytest
from conftest import RAW, ROOT, assert_valid_tei

from teikit.enrichers import enrich_document
from teikit.importer import import_raw, read_page
from teikit.registers.store import load_registers
from teikit.teifile import FileState, file_state, read_stamp, serialize
from teikit.xmlio import parse_xml

TEI_DIR = ROOT / "tei"
EDITION = sorted(TEI_DIR.rglob("*.xml"))
SAMPLES = sorted(RAW.glob("*.txt"))

EXPECTED_FAMILY = {
    "1918-06-02-lenin-to-joffe.mia.txt": "mia",
    "1922-04-24-lenin-to-stalin.marxists-wiki.txt": "marxists-wiki",
    "1926-03-27-serebryakov-to-stalin.bolshevik.txt": "bolshevik-correspondence",
    "1934-12-31-maisky-diary.yale-sda.txt": "yale-sda",
    "1938-03-02-trotsky-krestinsky.trotsky-archive.txt": "trotsky-archive",
}


def test_the_edition_holds_a_file_for_every_sample_document():
    assert len(EDITION) >= len(SAMPLES)


@pytest.mark.parametrize("path", EDITION, ids=lambda p: p.name)
def test_every_edition_file_is_valid_tei(path, tei_all):
    assert_valid_tei(tei_all, parse_xml(path).getroot())


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_each_sample_is_read_by_its_family_reader(sample):
    assert read_page(sample).family == EXPECTED_FAMILY[sample.name]


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_each_sample_keeps_every_word_outside_the_dropped_lines(sample):
    result = read_page(sample)
    assert result.error is None
    assert not [w for w in result.warnings if "not in the TEI" in w]


def test_import_and_tagging_reproduce_every_file_editors_have_not_touched(tmp_path):
    """What `make edition` does (import, then `entities tag`), done afresh, gives the committed files."""
    results = import_raw([RAW], tmp_path, jobs=1)
    assert not any(r.failed for r in results)
    registers = load_registers(TEI_DIR / "registers")
    fresh = {}
    for path in tmp_path.glob("*.xml"):
        root = parse_xml(path).getroot()
        enrich_document(root, registers)
        fresh[path.name] = serialize(root)
    committed = {p.name for p in TEI_DIR.glob("*.xml")}
    assert set(fresh) <= committed, "make edition would add files that are not committed"
    for name in committed & set(fresh):
        if file_state(TEI_DIR / name) is FileState.AS_IMPORTED:
            assert body((TEI_DIR / name).read_bytes()) == fresh[name], f"{name} is stale: run make edition"


def body(data: bytes) -> bytes:
    """A TEI file after its declaration and import stamp (whose source is relative to its folder)."""
    return data.split(b"\n", 2)[2]


@pytest.mark.parametrize("path", EDITION, ids=lambda p: p.name)
def test_each_edition_file_names_the_raw_page_it_came_from(path):
    stamp = read_stamp(path)
    if stamp.source is not None:
        assert (TEI_DIR / stamp.source).resolve().is_file()
