"""Finding register names in running text.

Every name an entry lists (preferred, variants, pseudonyms, birth names) is matched as
written. For persons, the short forms texts use without the register having to list
them are derived from each full name: the surname alone ("Chamberlain"), initials and
surname ("I. V. Stalin", "J. A. Chamberlain", "J. Chamberlain"). A form listed by an
entry wins over a derived one; a form two entries share is ambiguous, and the caller
decides from context. A compound surname is marked up as
`<persName><forename>David</forename> <surname>Lloyd George</surname></persName>`,
so that "George" alone is never derived from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from teikit.registers.model import FILE_OF, Entry, Registers, T, normalise_name

HONORIFICS = {"Comrade", "Comrades", "Mr", "Mr.", "Mrs", "Mrs.", "Sir", "Lord", "Lady", "Dr", "Dr.", "T.", "Tov.", "Herr", "Monsieur", "Citizen"}
# Capitalised words that are no names: a sentence's first word, demonyms, salutations.
COMMON_WORDS = frozenset(
    """
    A An The This That These Those There Then Thus Therefore Hence However But And Or Nor For So Yet If
    When While Whereas Where What Which Who Whom Whose Why How After Before Since Until During Although
    Though Even Also Only Not No Yes Now Here It Its It's I We You He She They Me Us Him Her Them My Our
    Your His Their Let Do Does Did Is Are Was Were Be Been Have Has Had Will Would Shall Should Can
    Could May Might Must All Any Each Every Some Many Much More Most Other Another Such Both Either
    Neither One Two Three Ten First Second Third Last Next Best Dear Please Thank Thanks Mr Mrs Dr Sir
    Lord Comrade Comrades On In At To Of By With From As Into Over Under About Again Once Still Well Oh
    Very Just Furthermore Besides Meanwhile Unlike Having Being Given Among Between
    Against Without Within Upon Like Everything Nothing Something Everyone Nobody Somebody
    True Note Vol Volume Document Documents Ed See
    Labour
    Conservatives Conservative Bolsheviks Bolshevik Labourites Trotskyites Mensheviks Communists
    Russians Germans Japanese English British German Russian French Irish Polish Soviet Western Eastern
    Anglo-Soviet Anglo-Irish Soviet-Polish Russo-German Jewish Jewish-Russian White Guard Red P.P.S N.B
    Christmas Eve New Year Revolution
    Ah Yours Regards Greetings Later Today Tomorrow
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
_INITIAL = re.compile(r"^(?:[A-Z][a-z]?\.)+$")


def name_key(text: str) -> str:
    """The comparison key of a name: case, spacing and apostrophes do not matter."""
    text = normalise_name(text)
    text = re.sub(r"\.\s*(?=\w)", ". ", text)
    return text.casefold()


def invert_catalogue_form(name: str) -> str:
    """'Liakhovetsky, Ivan Mikhailovich (Maisky)' -> 'Ivan Mikhailovich Liakhovetsky'."""
    name = re.sub(r"\s*\([^)]*\)", "", name).strip()
    if name.count(",") == 1:
        surname, given = (p.strip() for p in name.split(","))
        if surname and given:
            return f"{given} {surname}"
    return name


def split_person_name(name: str) -> tuple[list[str], str] | None:
    """(given names or initials, surname) of a written full name, honorifics dropped."""
    tokens = [t for t in normalise_name(invert_catalogue_form(name)).split() if t]
    while tokens and tokens[0] in HONORIFICS:
        tokens = tokens[1:]
    tokens = [t for piece in tokens for t in (re.findall(r"[A-Z][a-z]?\.", piece) if _INITIAL.match(piece) else [piece])]
    if len(tokens) < 2 or _INITIAL.match(tokens[-1]) or not tokens[-1][:1].isupper():
        return None
    return tokens[:-1], tokens[-1]


def derived_forms(entry: Entry) -> set[str]:
    """The short forms of a person's names that texts use: surname, initials + surname."""
    if entry.kind != "person":
        return set()
    forms: set[str] = set()
    for el in entry.element.findall(T + "persName"):
        surname_el = el.find(T + "surname")
        if surname_el is not None:
            surname = normalise_name("".join(surname_el.itertext()))
            given = [normalise_name("".join(f.itertext())) for f in el.findall(T + "forename")]
        else:
            parts = split_person_name("".join(el.itertext()))
            if parts is None:
                continue
            given, surname = parts
        if not surname:
            continue
        forms.add(surname)
        forms.add(" ".join(given + [surname]))  # the name without honorifics: "Arthur Pugh"
        initials = [g if _INITIAL.match(g) else g[0] + "." for g in given if g[:1].isupper()]
        if initials:
            forms.add(" ".join(initials + [surname]))
            forms.add(initials[0] + " " + surname)
    return forms


@dataclass
class Mention:
    """A name found in a text: where, as written, and which entries it may be."""

    start: int
    end: int
    surface: str
    candidates: tuple[str, ...]


class NameIndex:
    """All names of the registers, ready to be found in text or looked up whole."""

    def __init__(self, registers: Registers):
        self.kind_of: dict[str, str] = {}
        self.explicit: dict[str, set[str]] = {}
        self.derived: dict[str, set[str]] = {}
        self.warnings: list[str] = []  # entries left out: nothing can point to them
        entries = []
        for entry in registers.entries():
            if not entry.id:
                where = f"{registers.folder / FILE_OF[entry.kind]}:{entry.element.sourceline or 0}"
                self.warnings.append(f"{where}: {entry.kind} entry {entry.preferred or ''!r} has no xml:id; "
                                     "its names are not tagged until it has one")
                continue
            entries.append(entry)
            self.kind_of[entry.id] = entry.kind
            for name, _ in entry.names:
                self.explicit.setdefault(name_key(name), set()).add(entry.id)
            for form in derived_forms(entry):
                self.derived.setdefault(name_key(form), set()).add(entry.id)
        self.forms = {form for entry in entries for form in [n for n, _ in entry.names] + sorted(derived_forms(entry))}

    def lookup(self, name: str) -> set[str]:
        """The entries a whole name (not a text containing it) may be."""
        key = name_key(name)
        return set(self.explicit.get(key) or self.derived.get(key) or ())

    def lookup_written(self, name: str) -> set[str]:
        """Like `lookup`, also trying a catalogue form's inversion and its bracketed name."""
        for form in (name, invert_catalogue_form(name), *re.findall(r"\(([^)]+)\)", name)):
            found = self.lookup(form)
            if found:
                return found
        parts = split_person_name(name)
        return self.lookup(" ".join(parts[0] + [parts[1]])) if parts else set()

    @cached_property
    def pattern(self) -> re.Pattern[str] | None:
        alternatives: set[str] = set()
        for form in self.forms:
            alternatives.add(_form_pattern(form))
            alternatives.add(_form_pattern(form.upper()))
        if not alternatives:
            return None
        ordered = sorted(alternatives, key=lambda p: (-len(p), p))
        return re.compile(r"(?<![\w\-.])(?:" + "|".join(ordered) + r")(?![\w\-])")

    def find(self, text: str) -> list[Mention]:
        """Every register name in `text`, longest first where names overlap."""
        if self.pattern is None:
            return []
        out = []
        for m in self.pattern.finditer(text):
            key = name_key(m.group(0))
            found = self.explicit.get(key)
            if not found:
                found = self.derived.get(key)
                # "Neville Chamberlain" is not Austen Chamberlain: a surname after an unknown
                # given name is someone the registers may not know (suggest proposes it).
                given = re.search(r"(?<![\w.\-])([A-Z][\w\u2019'\-]*[a-z])\s+$", text[: m.start()])
                if given and given.group(1) not in HONORIFICS and given.group(1) not in COMMON_WORDS:
                    continue
            if found:
                out.append(Mention(m.start(), m.end(), m.group(0), tuple(sorted(found))))
        return out


def _form_pattern(form: str) -> str:
    """A regular expression for a written form: any white space (line breaks too) between
    words, either apostrophe, initials written with or without a space."""
    out = []
    for i, word in enumerate(form.split()):
        piece = re.escape(word).replace("'", "['\u2019]")
        if i:
            previous = form.split()[i - 1]
            out.append(r"\s*" if previous.endswith(".") and _INITIAL.match(previous) else r"\s+")
        out.append(piece)
    return "".join(out)
