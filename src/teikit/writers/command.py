"""The `teikit render` command: TEI files to HTML, plain text, PDF and CMIF."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from teikit.terminal import CONTEXT, ProgressBar, consoles
from teikit.writers import FORMATS
from teikit.writers.render import (
    RenderRun,
    UsageError,
    collect_inputs,
    find_registers,
    parse_params,
    parse_stylesheets,
    render,
    summary_json,
)


@click.command(
    name="render",
    context_settings=CONTEXT,
    epilog="""\b
Each format is written to OUTPUT/<format>/: out/html/, out/text/, out/pdf/, out/cmif/cmif.xml.
The registers (persons.xml, places.xml, orgs.xml) are taken from registers/ beside the
inputs unless --registers says otherwise.

\b
Examples:
  teikit render tei/ --to html -o out               the edition site in out/html/
  teikit render tei/ --to text --to cmif            plain text and CMIF into out/
  teikit render tei/ --to text --param width=72     wrap the text at 72 columns
  teikit render tei/ --to text --param layout=lines --param notes=none
                                                    a paragraph a line, for corpus tools
  teikit render tei/ --to cmif --param cmif-url=https://example.org/cmif.xml
  teikit render tei/ --to text --stylesheet my-text.xsl
                                                    your stylesheet (it imports xslt/text.xsl)
  teikit render tei/ --to text --format json        machine-readable summary

\b
Parameters (--param NAME=VALUE):
  HTML  edition-title, edition-subtitle, language
  PDF   edition-title, edition-subtitle, edition=no, font-path=DIR, typst-style=FILE.typ
  Text  notes=endnotes|none, width=N, layout=paragraphs|lines, header=yes|none, pages=none|mark
  CMIF  cmif-url, edition-url, edition-title, editor, publisher, cmif-date, licence-url
A name that none of the --to formats takes is an error (exit 2); with --stylesheet for a
format, the global xsl:param names of your stylesheet and the modules it imports count
too (any name, when an import is not a local file). Names teikit sets itself are refused: registers, edition (except for --to pdf),
page, page-href, tei-href, file, source-id.

\b
A --stylesheet of yours is trusted code: Saxon compiles and runs it as it is, and it may
read any file or URL it names. It is compiled before anything is rendered (one that does
not compile is an error, exit 2). teikit's own stylesheets read nothing but what teikit
hands them: the TEI files and registers, parsed safely, and the --param values as strings.
""",
)
@click.argument("tei", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--to", "formats", multiple=True, required=True, type=click.Choice(list(FORMATS)), help="Output format; repeat for several.")
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), default=Path("out"), show_default=True, help="Folder for the output; each format goes to OUTPUT/<format>/.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE", help="A stylesheet parameter; repeat for several.")
@click.option("--registers", type=click.Path(file_okay=False, path_type=Path), help="Folder of persons.xml, places.xml, orgs.xml (default: registers/ beside the inputs).")
@click.option("--stylesheet", "stylesheets", multiple=True, metavar="[FORMAT=]PATH", help="Your entry stylesheet, importing teikit's (FORMAT= when rendering several formats); trusted code, see below.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Summary format.")
def render_command(
    tei: tuple[Path, ...],
    formats: tuple[str, ...],
    output: Path,
    params: tuple[str, ...],
    registers: Path | None,
    stylesheets: tuple[str, ...],
    fmt: str,
) -> None:
    """Render TEI files (or folders of them) to HTML, plain text, PDF or CMIF."""
    out, err = consoles()
    formats = tuple(dict.fromkeys(formats))
    try:
        documents = collect_inputs(tei)
        register_dir = find_registers(tei, registers)
        parsed = parse_params(params)
        chosen = parse_stylesheets(stylesheets, formats)
        with ProgressBar(err, "Rendering", enabled=fmt == "text") as progress:
            progress.start(len(documents) * len(formats))
            run = render(formats, documents, output, parsed, register_dir, chosen, progress=progress.advance)
    except UsageError as error:
        err.print(f"error: {error}", markup=False, soft_wrap=True)
        sys.exit(2)
    if fmt == "json":
        click.echo(json.dumps(summary_json(run, output), indent=2, ensure_ascii=False))
    else:
        print_summary(out, run, output)
        for report in run.reports.values():
            for failure in report.failures:
                err.print(f"error: {failure.message}", markup=False, soft_wrap=True)
    sys.exit(1 if run.failed else 0)


def print_summary(console: Console, run: RenderRun, output: Path) -> None:
    table = Table(title="teikit render", show_lines=False)
    table.add_column("format")
    table.add_column("folder", overflow="fold")
    table.add_column("written", justify="right")
    table.add_column("failed", justify="right")
    table.add_column("seconds", justify="right")
    for fmt, report in run.reports.items():
        failed = len(report.failures)
        table.add_row(fmt, str(output / fmt), str(len(report.written)), f"[red]{failed}[/red]" if failed else "0", f"{run.seconds[fmt]:.2f}")
    console.print(table)
    registers = f", registers from {run.registers}" if run.registers else ", no registers"
    console.print(f"{len(run.documents)} document(s){registers}", markup=False, soft_wrap=True)

