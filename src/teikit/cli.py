"""The `teikit` command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from teikit import __version__
from teikit.importer import PageResult, import_raw
from teikit.readers import all_readers, family_names
from teikit.terminal import CONTEXT, ProgressBar, consoles


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, prog_name="teikit")
def main() -> None:
    """teikit: raw archive text to validated TEI P5 editions.

    \b
    Pipeline: import (readers -> TEI builder) -> tei/ -> entities tag -> validate -> render.
    Run `teikit COMMAND --help` for a command's options and examples.
    """


FAMILY_HELP = "; ".join(f"{r.name}: {r.description}" for r in all_readers())


@main.command(
    name="import",
    epilog="""\b
Examples:
  teikit import raw/ -o tei/                 import every .txt file under raw/
  teikit import page.txt --family mia        force the reader for a family
  teikit import raw/ --explain               list what each reader drops, write nothing
  teikit import raw/ --format json           machine-readable summary
  teikit import raw/ -o tei/ --force         overwrite files edited by hand
  teikit import letters-1905/ --old-style    the source dates in the Julian calendar
""",
)
@click.argument("raw", nargs=-1, required=True, type=click.Path(path_type=Path, readable=False))
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), default=Path("tei"), show_default=True, help="Folder for the TEI files.")
@click.option("--family", type=click.Choice(family_names()), help=f"Use this reader instead of detecting the family. {FAMILY_HELP}.")
@click.option("--force", is_flag=True, help="Overwrite TEI files that were edited after import.")
@click.option(
    "--old-style/--new-style", "old_style", default=None,
    help="The source dates in the Julian calendar (Old Style; dates before 14 February 1918 get a Gregorian @when "
    "and @calendar) or does not. Default: as each document says.",
)
@click.option("--explain", is_flag=True, help="List every dropped line of each input and why; write nothing.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Summary format.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: all cores).")
def import_command(
    raw: tuple[Path, ...], output: Path, family: str | None, force: bool, old_style: bool | None, explain: bool, fmt: str, jobs: int | None
) -> None:
    """Turn raw text files (or folders of .txt files) into TEI P5 files, one per document."""
    out, err = consoles()
    with ProgressBar(err, "Importing", enabled=fmt == "text") as progress:
        results = import_raw(
            list(raw), output, family=family, force=force, write=not explain, jobs=jobs, progress=progress, old_style=old_style
        )
    if fmt == "json":
        click.echo(json.dumps(summary_json(results, explain), indent=2, ensure_ascii=False))
    else:
        if explain:
            print_explanation(out, results)
        print_summary(out, results, wrote=not explain)
        for result in results:
            if result.error:
                err.print(f"error: {result.error}", markup=False, soft_wrap=True)
            for outcome in result.outcomes:
                if outcome.reason:
                    err.print(f"error: {outcome.reason}", markup=False, soft_wrap=True)
    sys.exit(1 if any(r.failed for r in results) else 0)


def print_summary(console: Console, results: list[PageResult], wrote: bool) -> None:
    table = Table(title="teikit import", show_lines=False)
    table.add_column("input", overflow="fold")
    table.add_column("family")
    table.add_column("documents" if not wrote else "written", overflow="fold")
    table.add_column("warnings", justify="right")
    for r in results:
        if r.error:
            docs = "[red]failed[/red]"
        elif wrote:
            docs = "\n".join(f"{o.path.name} ({o.status.value})" for o in r.outcomes)
        else:
            docs = "\n".join(f"{slug}.xml" for slug in r.slugs)
        table.add_row(str(r.source), r.family or "-", docs, str(len(r.warnings)))
    console.print(table)
    for r in results:
        for warning in r.warnings:
            console.print(f"warning: {r.source}: {warning}", markup=False, soft_wrap=True)
    failed = sum(r.failed for r in results)
    docs = sum(len(r.slugs) for r in results)
    console.print(f"{len(results)} input(s), {docs} document(s), {failed} failed", markup=False, soft_wrap=True)


def print_explanation(console: Console, results: list[PageResult]) -> None:
    for r in results:
        console.print(f"{r.source} ({r.family or 'not read'}): {len(r.dropped)} dropped", markup=False, soft_wrap=True)
        for d in sorted(r.dropped, key=lambda d: (d.line, d.column or 0)):
            console.print(f"  line {d.line}: {d.reason}: {d.text}", markup=False, soft_wrap=True)


def summary_json(results: list[PageResult], explain: bool) -> dict:
    files = []
    for r in results:
        entry = {
            "input": str(r.source),
            "family": r.family,
            "encoding": r.encoding,
            "documents": [
                {"file": f"{slug}.xml", "title": doc.title, "type": doc.doc_type, "date": doc.date.sort_key if doc.date else None}
                for slug, doc in zip(r.slugs, r.documents)
            ],
            "written": [{"path": str(o.path), "status": o.status.value} for o in r.outcomes],
            "warnings": r.warnings,
            "error": r.error or next((o.reason for o in r.outcomes if o.reason), None),
        }
        if explain:
            entry["dropped"] = [{"line": d.line, "text": d.text, "reason": d.reason} for d in r.dropped]
        files.append(entry)
    return {
        "inputs": len(results),
        "documents": sum(len(r.slugs) for r in results),
        "failed": sum(r.failed for r in results),
        "files": files,
    }


# The later stages of the pipeline: each command lives in the module of its stage.
from teikit.enrichers.command import entities  # noqa: E402
main.add_command(entities)
from teikit.registers.command import registers  # noqa: E402
main.add_command(registers)
from teikit.writers.command import render_command  # noqa: E402
main.add_command(render_command)
from teikit.validation.command import validate  # noqa: E402
main.add_command(validate)
