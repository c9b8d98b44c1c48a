"""Readers: one per source family, plus a generic one for text that fits none.

Each reader module exports `READER`; detection asks them in order and the generic
reader, which accepts anything, comes last.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from teikit.model import ReadResult


@dataclass(frozen=True)
class Reader:
    name: str
    description: str
    recognises: Callable[[str], bool]
    read: Callable[[str], ReadResult]


def all_readers() -> tuple[Reader, ...]:
    from teikit.readers import bolshevik, generic, marxists_wiki, mia, trotsky_archive, yale_sda

    return (
        yale_sda.READER,
        bolshevik.READER,
        marxists_wiki.READER,
        trotsky_archive.READER,
        mia.READER,
        generic.READER,
    )


def family_names() -> list[str]:
    return [reader.name for reader in all_readers()]


def reader_named(name: str) -> Reader:
    for reader in all_readers():
        if reader.name == name:
            return reader
    raise KeyError(name)


def detect_reader(text: str) -> Reader:
    """The first family whose reader recognises the page; the generic reader otherwise."""
    for reader in all_readers():
        if reader.recognises(text):
            return reader
    raise AssertionError("the generic reader recognises every text")  # pragma: no cover
