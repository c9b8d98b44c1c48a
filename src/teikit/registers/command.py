"""`teikit registers check`: problems in the registers and in the documents' links to them."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from teikit.editionfiles import REGISTERS_FOLDER, find_documents
from teikit.registers.check import check_registers
from teikit.registers.store import RegisterError, load_registers
from teikit.terminal import CONTEXT, consoles
from teikit.xmlio import XMLInputError, parse_xml

SERIOUS = {"duplicate-name", "no-preferred-name", "dangling-ref", "bad-id"}


@click.group(name="registers", context_settings=CONTEXT)
def registers() -> None:
    """The edition's registers of persons, places and organisations (tei/registers/)."""


@registers.command(
    name="check",
    epilog="""\b
Examples:
  teikit registers check                      check tei/registers/ against the documents in tei/
  teikit registers check edition/tei --strict unused entries fail too
  teikit registers check --format json
Exit code 1 for duplicate names or ids, entries without one preferred name, dangling @refs,
a document that cannot be read (the others are still checked), and unused entries with --strict.
""",
)
@click.argument("tei", required=False, default=Path("tei"), type=click.Path(path_type=Path))
@click.option("--registers", "registers_dir", type=click.Path(file_okay=False, path_type=Path), help="Registers folder (default: TEI/registers).")
@click.option("--strict", is_flag=True, help="Unused entries are errors too.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Report format.")
def check_command(tei: Path, registers_dir: Path | None, strict: bool, fmt: str) -> None:
    """Find unused entries, shared names, missing preferred names, dangling @refs."""
    out, err = consoles()
    if not tei.is_dir():
        err.print(f"error: {tei}: not a folder of TEI documents", markup=False, soft_wrap=True)
        sys.exit(2)
    folder = registers_dir or tei / REGISTERS_FOLDER
    try:
        regs = load_registers(folder)
    except (RegisterError, XMLInputError) as error:
        err.print(f"error: {error}", markup=False, soft_wrap=True)
        sys.exit(2)
    documents, unreadable = {}, []
    for path in find_documents([tei]).files:
        try:
            documents[path] = parse_xml(path).getroot()
        except XMLInputError as error:  # reported; the other documents are still checked
            unreadable.append(str(error))
    problems = check_registers(regs, documents)
    failing = [p for p in problems if strict or p.kind in SERIOUS]
    if fmt == "json":
        click.echo(json.dumps({"entries": len(regs.entries()), "documents": len(documents),
                               "problems": [{"kind": p.kind, "where": p.where, "message": p.message} for p in problems],
                               "errors": unreadable},
                              indent=2, ensure_ascii=False))
    else:
        for p in problems:
            out.print(str(p), markup=False, soft_wrap=True)
        out.print(f"{len(regs.entries())} entries, {len(documents)} documents, {len(problems)} problem(s)", markup=False, soft_wrap=True)
    for line in unreadable:
        err.print(f"error: {line}", markup=False, soft_wrap=True)
    sys.exit(1 if failing or unreadable else 0)
