"""Finding names no register knows, offline, and guessing what they are."""

from __future__ import annotations

import importlib.util
import json
import sys
import tempfile
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT
from lxml import etree

from teikit.enrichers.candidates import spacy_ner, suggest
from teikit.registers import load_registers

TEI_NS = "http://www.tei-c.org/ns/1.0"


def doc(body: str, header: str = "") -> etree._Element:
    return etree.fromstring(
        f'<TEI xmlns="{TEI_NS}"><teiHeader><fileDesc><titleStmt><title>A Title Of Words</title></titleStmt>'
        f"<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc>{header}</teiHeader>"
        f"<text><body>{body}</body></text></TEI>"
    )


def proposals(body: str, header: str = "", registers=None, rejected=frozenset()) -> dict[str, str]:
    with tempfile.TemporaryDirectory() as empty:
        registers = registers or load_registers(Path(empty))
        return {c.surface: c.type for c in suggest({"d.xml": doc(body, header)}, registers, rejected)}


def test_a_name_after_an_honorific_is_a_person_without_the_honorific():
    assert proposals("<p>I met Comrade Kagan and Sir Walter Citrine.</p>") == {"Kagan": "person", "Walter Citrine": "person"}


def test_initials_and_a_surname_are_a_person():
    assert proposals("<p>Ask L. P. Serebryakov.</p>") == {"L. P. Serebryakov": "person"}


def test_the_members_of_a_list_share_the_kind_of_the_one_that_is_known():
    found = proposals("<p>I spoke with Comrade Trotsky, Pyatakov and Radek.</p>")
    assert found == {"Trotsky": "person", "Pyatakov": "person", "Radek": "person"}


def test_a_name_after_in_is_a_place_and_so_are_its_list_companions():
    found = proposals("<p>We stayed in Kislovodsk, Sochi and Gagra.</p>")
    assert found == {"Kislovodsk": "place", "Sochi": "place", "Gagra": "place"}


def test_a_name_the_text_mostly_goes_to_or_comes_from_is_a_place():
    assert proposals("<p>I hear Bukharin was sent to Japan. I wrote to Comrade Kagan; Kagan said no.</p>") == {
        "Bukharin": "person", "Japan": "place", "Kagan": "person"}


def test_a_list_of_names_with_place_endings_is_a_list_of_places():
    found = proposals("<p>A tour (Stratford-upon-Avon, Birmingham, Glasgow, Edinburgh, Sheffield).</p>")
    assert set(found.values()) == {"place"} and len(found) == 5


def test_a_name_with_an_organisation_word_is_an_organisation():
    assert proposals("<p>It went to the National Joint Council.</p>") == {"National Joint Council": "org"}


def test_common_words_opening_a_sentence_are_not_names():
    assert proposals("<p>However, the matter was closed. Politically it was a success. Excellent.</p>") == {}


def test_a_signature_is_a_person():
    assert proposals("<closer><signed>Serebryakov.</signed></closer>") == {"Serebryakov": "person"}


def test_a_header_name_without_a_ref_is_proposed_as_its_element_says():
    header = ("<profileDesc><correspDesc><correspAction type='received'><persName>A. A. JOFFE</persName>"
              "<placeName>Berlin</placeName></correspAction></correspDesc></profileDesc>")
    assert proposals("<p>x</p>", header) == {"A. A. JOFFE": "person", "Berlin": "place"}


def test_names_the_registers_know_are_not_proposed(tmp_path):
    registers = load_registers(tmp_path)
    registers.add_entry("person", "Joseph Stalin", "stalin")
    assert proposals("<p>Comrade Stalin and Comrade Kagan.</p>", registers=registers) == {"Kagan": "person"}


def test_rejected_names_are_not_proposed():
    assert proposals("<p>Comrade Kagan and Comrade Astakhov.</p>", rejected={"Astakhov"}) == {"Kagan": "person"}


def test_a_possessive_is_not_part_of_the_proposed_name():
    assert proposals("<p>It was Comrade Kirov’s death.</p>") == {"Kirov": "person"}


def test_a_name_of_a_known_surname_with_another_given_name_gets_its_own_id(tmp_path):
    registers = load_registers(tmp_path)
    registers.add_entry("person", "Joseph Austen Chamberlain", "austen-chamberlain")
    [candidate] = suggest({"d.xml": doc("<p>the half-brother of Neville Chamberlain</p>")}, registers)
    assert (candidate.surface, candidate.proposed_id) == ("Neville Chamberlain", "neville-chamberlain")


def test_an_installed_spacy_pipeline_adds_its_entities(monkeypatch):
    class Entity:
        def __init__(self, text, label):
            self.text, self.label_ = text, label

    class Pipeline:
        def __call__(self, text):
            return type("Doc", (), {"ents": [Entity("Narkomindel", "ORG"), Entity("Tiflis", "GPE")]})()

    fake = type(sys)("spacy")
    fake.load = lambda name: Pipeline()
    monkeypatch.setitem(sys.modules, "spacy", fake)
    with tempfile.TemporaryDirectory() as empty:
        found = suggest({"d.xml": doc("<p>the narkomindel in tiflis</p>")}, load_registers(Path(empty)), ner=spacy_ner("fake"))
    assert {c.surface: c.type for c in found} == {"Narkomindel": "org", "Tiflis": "place"}


def test_a_spacy_model_that_is_not_installed_is_never_downloaded(monkeypatch):
    fake = type(sys)("spacy")

    def load(name):
        raise OSError(f"[E050] Can't find model '{name}'")

    fake.load = load
    monkeypatch.setitem(sys.modules, "spacy", fake)
    with pytest.raises(ValueError, match="spaCy model 'xx_missing' is not installed; teikit never downloads one"):
        spacy_ner("xx_missing")


@pytest.fixture(scope="module")
def quality() -> dict:
    spec = importlib.util.spec_from_file_location("suggest_quality", ROOT / "bench" / "suggest_quality.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    from teikit.enrichers.candidates import load_documents
    from teikit.importer import import_raw

    gold = json.loads((FIXTURES / "entities" / "gold.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        import_raw([ROOT / "raw"], Path(tmp), jobs=1)
        return bench.measure(load_documents(sorted(Path(tmp).glob("*.xml"))), gold)


def test_most_suggestions_on_the_samples_are_real_names(quality):
    assert quality["precision"] >= 0.85, quality["false_positives"]


def test_suggestions_find_nearly_every_name_the_samples_use(quality):
    assert quality["recall"] >= 0.95, quality["missed"]
