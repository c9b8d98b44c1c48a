"""The edition's registers of persons, places and organisations (tei/registers/)."""

from teikit.registers.lookup import Mention, NameIndex, name_key
from teikit.registers.model import (
    FILE_OF,
    KINDS,
    NAME_OF,
    Entry,
    Registers,
    normalise_name,
)
from teikit.registers.store import (
    RegisterError,
    load_registers,
    registers_folder_for,
    save_registers,
)

__all__ = [
    "FILE_OF", "KINDS", "NAME_OF", "Entry", "Mention", "NameIndex", "RegisterError", "Registers",
    "load_registers", "name_key", "normalise_name", "registers_folder_for", "save_registers",
]
