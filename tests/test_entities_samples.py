"""The five samples tagged with the edition's registers: every name linked to the right entry.

The gold list (tests/fixtures/entities/gold.json) says what each sample names and the
entry each written form stands for. The committed documents are copied and tagged in a
temporary folder; nothing in tei/ is written.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, ROOT, assert_valid_tei
from lxml import etree

from teikit.cli import main
from teikit.enrichers.command import tag_documents
from teikit.registers import load_registers
from teikit.registers.check import check_registers
from teikit.xmlio import parse_xml

GOLD = json.loads((FIXTURES / "entities" / "gold.json").read_text(encoding="utf-8"))
SAMPLES = sorted(k for k in GOLD if not k.startswith("_"))
NS = {"t": "http://www.tei-c.org/ns/1.0"}
NAMES = "self::t:persName or self::t:placeName or self::t:orgName or self::t:rs"


@pytest.fixture(scope="module")
def tagged(tmp_path_factory) -> tuple[Path, object]:
    folder = tmp_path_factory.mktemp("edition")
    for name in SAMPLES:
        shutil.copy(ROOT / "tei" / name, folder / name)
    shutil.copytree(ROOT / "tei" / "registers", folder / "registers")
    return folder, tag_documents([folder])


def gold_forms():
    for sample in SAMPLES:
        for forms in GOLD[sample].values():
            for form, entry in forms.items():
                yield pytest.param(sample, form, entry, id=f"{sample[:10]}-{form}")


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(("sample", "form", "entry"), list(gold_forms()))
def test_every_mention_of_a_gold_name_is_tagged_and_linked_to_its_entry(tagged, sample, form, entry):
    folder, _ = tagged
    root = parse_xml(folder / sample).getroot()
    linked = [el for el in root.xpath(f"//*[{NAMES}][@ref]", namespaces=NS)]
    exact = [el for el in linked if words("".join(el.itertext())) == form]
    assert all(f"#{entry}" in el.get("ref").split() for el in exact), f"'{form}' linked to {[el.get('ref') for el in exact]}"
    assert any(f"#{entry}" in el.get("ref").split() and form in words("".join(el.itertext())) for el in linked), f"'{form}' never linked to #{entry}"
    for el in linked:  # what is left once every linked name is taken out must not name it again
        el.getparent().replace(el, _placeholder(el.tail))
    scope = root.xpath("//t:text | //t:teiHeader//t:persName | //t:teiHeader//t:placeName | //t:teiHeader//t:orgName", namespaces=NS)
    rest = " ".join(words("".join(el.itertext())) for el in scope)
    assert not re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", rest), f"an untagged '{form}' is left"


def _placeholder(tail: str | None) -> etree._Element:
    el = etree.Element("{http://www.tei-c.org/ns/1.0}seg")
    el.text = " \u241f "
    el.tail = tail
    return el


def test_the_committed_registers_already_hold_every_entry_the_notes_give(tagged):
    _, run = tagged
    assert run.registers_written == []


def test_tagging_the_samples_reports_no_ambiguous_name(tagged):
    _, run = tagged
    assert [w for d in run.documents for w in d.warnings if "cert=" in w] == []


@pytest.mark.parametrize("sample", SAMPLES)
def test_every_tagged_sample_is_valid_tei(tagged, sample, tei_all):
    folder, _ = tagged
    assert_valid_tei(tei_all, parse_xml(folder / sample).getroot())


def test_the_registers_check_finds_no_problem_in_the_tagged_edition(tagged):
    folder, _ = tagged
    documents = {p: parse_xml(p).getroot() for p in sorted(folder.glob("*.xml"))}
    assert check_registers(load_registers(folder / "registers"), documents) == []


def test_tagging_the_edition_a_second_time_changes_no_file(tagged):
    folder, _ = tagged
    files = sorted(folder.rglob("*.xml"))
    before = {p: p.read_bytes() for p in files}
    result = CliRunner().invoke(main, ["entities", "tag", str(folder)])
    assert result.exit_code == 0, result.output
    assert {p: p.read_bytes() for p in files} == before
    assert "0 changed, 0 register(s) written" in result.stdout
