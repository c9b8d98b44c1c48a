"""Names no register knows yet: proposed for review, never tagged silently.

Offline cues only (no model download): honorifics and titles ("Comrade Kagan",
"Sir Arthur Pugh"), initials with a surname ("L. P. Serebryakov"), names in lists
("Trotsky, Pyatakov and Radek"), signatures and header names without a @ref, and
capitalised sequences that are not a sentence's first common word. The type is guessed
from the same cues: honorifics, initials and lists of people make a person; words such
as Party, Committee, Council make an organisation; a gazetteer of places built from the
sources themselves (header places, and names after "in", "to", "from", "via" anywhere
in the corpus) makes a place. A spaCy pipeline can add its entities (`--ner spacy:MODEL`)
when it is installed; nothing here requires it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teikit.enrichers.entities import text_slots
from teikit.registers.lookup import COMMON_WORDS, HONORIFICS, NameIndex, name_key
from teikit.registers.model import (
    KIND_OF_NAME,
    NAME_OF,
    Registers,
    T,
    local_name,
    slug,
    unique_id,
)

ORG_WORDS = {
    "Party", "Committee", "Council", "Congress", "Commissariat", "Bureau", "Politburo", "Politbureau",
    "Department", "Army", "Ministry", "Office", "League", "Government", "Embassy", "Conference",
    "Delegation", "Confederation", "Federation", "Cross", "Herald", "Organisation", "Organization",
    "Secretariat", "Society", "Club", "Front", "Commission", "Executive", "International", "Trust",
    "Bank", "Company", "Union", "Soviet", "Academy", "University", "Press",
}
ACRONYM_PLACES = {"USSR", "UK", "USA", "RSFSR", "SSSR"}
LOCATIVE = {"in", "via", "near", "towards", "across", "through"}
MOTION = {"to", "from", "at"}  # places, mostly; but letters also go to people: a weak cue
# Endings of place names in the languages of the sources (English, Russian, German).
PLACE_ENDINGS = ("land", "burgh", "borough", "ford", "ham", "field", "chester", "castle", "-upon-avon", "grad",
                 "burg", "stadt", "ovsk", "odsk", "insk", "ia", "istan")
COMMON = COMMON_WORDS
MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
          "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
_WORD = r"[A-Z][\w’'\-]*[a-z][\w’'\-]*"
_INITIALS = r"(?:[A-Z]\.\s?){1,3}"
_CONNECT = r"(?:of|for|de|von|van|la|le|the|du)"
SEQUENCE = re.compile(
    rf"(?<![\w\-])(?:(?:{_INITIALS})\s*)?{_WORD}(?:\s+(?:{_CONNECT}\s+)?{_WORD})*(?:\s*\((?:b|B)\))?"
    rf"|(?<![\w\-])[A-Z]{{2,}}(?:\([a-z]\))?(?![\w\-])"
)
STANDALONE_ORGS = {"Politburo", "Politbureau", "Secretariat", "Comintern", "Sovnarkom", "Orgburo"}
ADJECTIVES = {"Labour", "Conservative", "Soviet", "Red", "White", "British", "English", "German", "Russian", "French",
              "Irish", "Polish", "Jewish", "Western", "Eastern"}  # may begin an organisation's name
ROMAN = re.compile(r"^[IVXLCDM]+$")
BLOCKS = {"p", "note", "head", "salute", "signed", "dateline", "speaker", "item", "label", "quote", "closer", "opener"}


@dataclass
class Candidate:
    """One proposed name: what the review file shows the editor."""

    surface: str
    type: str
    count: int = 0
    documents: list[str] = field(default_factory=list)
    context: str = ""
    proposed_id: str = ""
    cues: Counter = field(default_factory=Counter)


@dataclass
class _Hit:
    surface: str
    cue: str  # person | org | place | motion | list-person | list-place | header-KIND | ner-KIND | plain
    document: str
    context: str
    before: str  # the word before
    list_key: tuple = ()  # hits in one list ("Trotsky, Pyatakov and Radek") share it
    initial: bool = False  # the first word of a sentence


def _sentence_initial(text: str, start: int, slot_start_initial: bool) -> bool:
    before = text[:start].rstrip()
    if not before:
        return slot_start_initial
    if re.search(r"(?:^|\s)(?:Dr|Mr|Mrs|St|Tov|T)\.$", before):
        return False  # "Dr. Dewey": the full stop of a title ends no sentence
    return before[-1] in ".!?:;\"“‘—–" or before.endswith("..")


def _snippet(text: str, start: int, end: int, width: int = 40) -> str:
    left = " ".join(text[max(0, start - width):start].split())
    right = " ".join(text[end:end + width].split())
    return f"…{left} [{' '.join(text[start:end].split())}] {right}…".replace("\t", " ")


def _pieces(text: str) -> Iterable[tuple[int, int]]:
    """Capitalised sequences; 'Popov of Brussels' is two names, 'League of Nations' one."""
    for m in SEQUENCE.finditer(text):
        start = m.start()
        for c in re.finditer(rf"\s+{_CONNECT}\s+", m.group(0)):
            left = m.group(0)[: c.start()].split()
            if left and left[-1] not in ORG_WORDS:
                yield start, m.start() + c.start()
                start = m.start() + c.end()
        yield start, m.end()


def _hits_in(text: str, document: str, slot_initial: bool, lower_words: set[str], slot_no: int = 0) -> Iterable[_Hit]:
    previous_end, list_no = -1, 0
    for start, end in _pieces(text):
        if previous_end < 0 or not re.fullmatch(r"\s*(?:,|,?\s+and|,?\s+or)\s+", text[previous_end:start]):
            list_no += 1
        previous_end = end
        surface = " ".join(text[start:end].split())
        surface = re.sub(r"^(?:P\.\s?P\.\s?S\.|N\.\s?B\.|P\.\s?S\.)\s*", "", surface).strip("’'‘ ")
        words = surface.split()
        previous = re.findall(r"([\w.]+)\W*$", text[:start])
        before = previous[0] if previous else ""
        cue = "plain"
        # Leading honorifics and sentence-initial common words are not part of the name.
        while words and (words[0] in HONORIFICS or words[0].rstrip(".") in HONORIFICS):
            cue = "person"
            words = words[1:]
        if before in HONORIFICS or before.rstrip(".") in HONORIFICS:
            cue = "person"
        initial = _sentence_initial(text, start, slot_initial)
        organisation = len(words) >= 2 and words[-1] in ORG_WORDS and (words[0] in ADJECTIVES or words[0] not in COMMON)
        while words and (words[0] in COMMON or words[0] in MONTHS) and cue == "plain" and not organisation:
            words = words[1:]
            initial = False
        if not words:
            continue
        while words and (words[-1] in COMMON or words[-1] in MONTHS or words[-1] in {"of", "for", "the", "de"}):
            words = words[:-1]
        if not words:
            continue
        surface = re.sub(r"^(?:the|of|for|de)\s+", "", re.sub(r"['’]s$", "", " ".join(words)))
        if ROMAN.match(surface) or surface in COMMON or len(surface) < 2 or re.search(r"[’'](?:d|ll|t|ve|m|re)$", surface):
            continue
        if len(words) == 1 and surface in ORG_WORDS and surface not in STANDALONE_ORGS:
            continue
        if initial and len(words) == 1 and cue == "plain":
            w = words[0]
            if w.lower() in lower_words or re.search(r"(?:ly|ing|ed|ness|ment)$", w):
                continue
        if re.match(_INITIALS, surface) and cue == "plain":
            cue = "person"
        if cue == "plain" and (_org_like(words) or surface.isupper() and len(surface) <= 6 and surface not in ACRONYM_PLACES):
            cue = "org"
        if cue == "plain" and before.lower() in LOCATIVE:
            cue = "place"
        elif cue == "plain" and before.lower() in MOTION:
            cue = "motion"
        yield _Hit(surface, cue, document, _snippet(text, start, end), before, (document, slot_no, list_no), initial)


def _org_like(words: list[str]) -> bool:
    return len(words) > 1 and any(w in ORG_WORDS for w in words) or " ".join(words) in STANDALONE_ORGS


def document_hits(root: etree._Element, document: str, lower_words: set[str]) -> list[_Hit]:
    """Every candidate occurrence in one document (text, notes and unlinked header names)."""
    hits: list[_Hit] = []
    header = root.find(T + "teiHeader")
    if header is not None:
        for el in header.iter(*(T + n for n in NAME_OF.values())):
            if el.get("ref") is None:
                name = " ".join("".join(el.itertext()).split())
                kind = KIND_OF_NAME[local_name(el)]
                hits.append(_Hit(name, f"header-{kind}", document, f"(header {local_name(el)}) {name}", ""))
    text = root.find(T + "text")
    if text is None:
        return hits
    for slot_no, (owner, slot) in enumerate(text_slots(text)):
        value = getattr(owner, slot)
        if not value or not value.strip():
            continue
        slot_initial = slot == "text" and local_name(owner) in BLOCKS
        if local_name(owner) in {"signed", "speaker"} and slot == "text":
            for hit in _hits_in(value, document, slot_initial, lower_words, slot_no):
                hit.cue = "person"
                hits.append(hit)
            continue
        hits.extend(_hits_in(value, document, slot_initial, lower_words, slot_no))
    return hits


def _lower_words(roots: Iterable[etree._Element]) -> set[str]:
    words: set[str] = set()
    for root in roots:
        text = root.find(T + "text")
        if text is not None:
            words |= set(re.findall(r"\b[a-z][a-z’'\-]+\b", " ".join(text.itertext())))
    return words


def _guess_type(hits: list[_Hit], gazetteer: set[str], people: set[str]) -> str:
    """Strongest cue first: the header's element, a title or initials, an organisation word,
    the gazetteer, then what the other members of its lists are."""
    cues = Counter(h.cue for h in hits)
    surface = hits[0].surface
    if cues["header-place"]:
        return "place"
    if cues["header-org"]:
        return "org"
    if cues["person"] or cues["header-person"]:
        return "person"
    if _org_like(surface.split()) or cues["org"] > 0:
        return "org"
    if surface in gazetteer or surface in ACRONYM_PLACES or cues["list-place"] > cues["list-person"]:
        return "place"
    if cues["list-person"]:
        return "person"
    if _place_like(surface) or cues["motion"] * 2 >= len(hits):
        return "place"
    return "person"


def _place_like(surface: str) -> bool:
    return len(surface.split()) == 1 and surface.lower().endswith(PLACE_ENDINGS)


def _propagate_list_types(hits: list[_Hit], gazetteer: set[str], people: set[str]) -> None:
    """Members of one list are of one kind: 'Birmingham, Manchester, ... Glasgow' are places
    when one of them is known to be a place; 'Trotsky, Pyatakov and Radek' are people."""
    lists: dict[tuple, list[_Hit]] = {}
    for hit in hits:
        if hit.list_key:
            lists.setdefault(hit.list_key, []).append(hit)
    for members in lists.values():
        if len(members) < 2:
            continue
        places = sum(m.surface in gazetteer or _place_like(m.surface) for m in members)
        persons = sum(m.surface in people or m.cue == "person" for m in members)
        if places == persons:
            continue
        for m in members:
            if m.cue == "plain":
                m.cue = "list-place" if places > persons else "list-person"


def suggest(
    documents: dict[str, etree._Element],
    registers: Registers,
    rejected: set[str] = frozenset(),
    ner: Callable[[str], list[tuple[str, str]]] | None = None,
) -> list[Candidate]:
    """Candidates for the review file, most frequent first; known and rejected names left out."""
    index = NameIndex(registers)
    lower = _lower_words(documents.values())
    hits: list[_Hit] = []
    for name, root in sorted(documents.items()):
        hits += document_hits(root, name, lower)
        if ner is not None:
            text = root.find(T + "text")
            plain = " ".join(text.itertext()) if text is not None else ""
            for surface, kind in ner(plain):
                hits.append(_Hit(" ".join(surface.split()), f"ner-{kind}", name, surface, ""))
    people = {h.surface for h in hits if h.cue in {"person", "header-person"}}
    gazetteer = {h.surface for h in hits if h.cue in {"place", "header-place"}} - people
    _propagate_list_types(hits, gazetteer, people)
    rejected_keys = {name_key(r) for r in rejected}
    groups: dict[str, list[_Hit]] = {}
    for hit in hits:
        key = name_key(hit.surface)
        if index.lookup_written(hit.surface) or key in rejected_keys:
            continue
        groups.setdefault(key, []).append(hit)
    out = []
    for key, group in groups.items():
        if len(group[0].surface.split()) == 1 and all(h.cue == "plain" for h in group):
            if group[0].surface.lower() in lower:
                continue  # a common word that is also written in lower case ("Declaration", "Naturally")
            if all(h.initial for h in group) and len(group) == 1:
                continue  # a capitalised word seen once, at the start of a sentence
        kind = _guess_type(group, gazetteer, people)
        ner_kinds = [h.cue[4:] for h in group if h.cue.startswith("ner-")]
        if ner_kinds and all(h.cue.startswith("ner-") or h.cue == "plain" for h in group):
            kind = Counter(ner_kinds).most_common(1)[0][0]
        surface = Counter(h.surface for h in group).most_common(1)[0][0]
        out.append(Candidate(
            surface, kind, len(group), sorted({h.document for h in group}), group[0].context, "",
            Counter(h.cue for h in group),
        ))
    _propose_ids(out, registers, index)
    return sorted(out, key=lambda c: (-c.count, c.surface))


def _surname(surface: str) -> str:
    """The word a person is filed under: 'Liakhovetsky, Ivan Mikhailovich (Maisky)' -> Maisky."""
    bracket = re.search(r"\(([^)]+)\)", surface)
    if bracket:
        return bracket.group(1)
    name = surface.split(",")[0] if "," in surface else surface
    words = [w for w in name.split() if not re.fullmatch(r"(?:[A-Z][a-z]?\.)+", w)]
    return words[-1] if words else surface


def _propose_ids(candidates: list[Candidate], registers: Registers, index: NameIndex) -> None:
    """One id per probable person: 'Stalin', 'I. V. Stalin' and 'Joseph Stalin' all get 'stalin',
    so accepting them together makes one entry with variants. A surname an entry already
    has ('Neville Chamberlain' beside Austen) gets the full name as id."""
    taken = registers.ids()
    by_surname: dict[str, str] = {}
    for c in sorted(candidates, key=lambda c: (c.type != "person", -len(c.surface), c.surface)):
        if c.type == "person":
            surname = _surname(c.surface)
            key = name_key(surname)
            if key in by_surname:
                c.proposed_id = by_surname[key]
                continue
            base = slug(surname, 3)
            if base in taken or index.lookup(surname):
                base = slug(re.sub(r"\s*\([^)]*\)", "", c.surface), 4)
            c.proposed_id = unique_id(base, taken)
            by_surname[key] = c.proposed_id
        else:
            c.proposed_id = unique_id(slug(c.surface, 5), taken)
        taken.add(c.proposed_id)


def spacy_ner(model: str) -> Callable[[str], list[tuple[str, str]]]:
    """A spaCy pipeline as a name finder, if spaCy and the model are installed (never downloaded)."""
    try:
        import spacy  # type: ignore[import-not-found]
    except ImportError:
        raise ValueError("--ner spacy:MODEL needs spaCy, which is not installed (pip install spacy)") from None
    try:
        nlp = spacy.load(model)
    except OSError:
        raise ValueError(f"spaCy model '{model}' is not installed; teikit never downloads one "
                         f"(install it yourself, e.g. python -m spacy download {model})") from None
    labels = {"PERSON": "person", "GPE": "place", "LOC": "place", "ORG": "org", "NORP": None, "FAC": "place"}

    def find(text: str) -> list[tuple[str, str]]:
        return [(e.text, labels[e.label_]) for e in nlp(text).ents if labels.get(e.label_)]

    return find


def load_documents(paths: Iterable[Path]) -> dict[str, etree._Element]:
    from teikit.xmlio import parse_xml

    return {p.name: parse_xml(p).getroot() for p in paths}
