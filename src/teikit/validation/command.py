"""`teikit validate`: RELAX NG and Schematron on TEI documents, problems with file:line:column."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import click
from rich.console import Console

from teikit.resources import schema_file
from teikit.teifile import write_atomic
from teikit.terminal import CONTEXT, ProgressBar, consoles
from teikit.validation.relaxng import SchemaError
from teikit.validation.report import as_json, exit_code, print_findings, print_summary
from teikit.validation.schematron import SchematronError
from teikit.validation.schematron_compile import declared_phases
from teikit.validation.validator import (
    PARALLEL_MIN_FILES,
    ValidatorSpec,
    collect_files,
    validate_in_parallel,
)


def parse_param(ctx: click.Context, option: click.Parameter, values: tuple[str, ...]) -> dict[str, str]:
    params = {}
    for value in values:
        name, sep, text = value.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"'{value}': use NAME=VALUE", ctx=ctx, param=option)
        params[name.strip()] = text
    return params


def phase_for(path: Path, phase: str | None, all_paths: list[Path]) -> str | None:
    """--phase applies to the Schematrons that declare it (tei_all's rules have no phases).

    When none declares it, every one gets it, and the first says clearly which phases exist.
    """
    if phase is None or len(all_paths) == 1:
        return phase
    declaring = [p for p in all_paths if phase in declared_phases(p)]
    return phase if not declaring or path in declaring else None


@click.command(
    name="validate",
    context_settings=CONTEXT,
    epilog="""\b
Schemas: without --schema and --schematron, the edition's own schema/teikit.rng and
schema/teikit.sch are used. Giving either replaces both defaults by exactly what is given
(each option may be repeated); --tei-all adds tei_all.rng and its embedded Schematron.
--schematron takes a .sch file or a .rng whose embedded sch: rules should run;
--phase applies to the Schematrons that declare that phase, the others run in full.
--param sets a schema-level let (teikit.sch: period-start, period-end, ISO dates);
registers and edition are set by teikit itself from the registers/ folder it finds
beside the documents or above them.
\b
Limitation: a RELAX NG error inside mixed content (an unexpected element in a p or a
note) is reported by libxml2 at an enclosing element, at times a few levels up (the
body of a div): the line points at the container, look inside it.
\b
Examples:
  teikit validate tei/                          the edition (registers included)
  teikit validate tei/letter.xml --format json  one file, machine-readable
  teikit validate tei/ --tei-all ../shared/reference/tei/tei_all.rng
  teikit validate --schema tei_all.rng --schematron tei_all.rng other/edition/*.xml
  teikit validate tei/ --phase document         skip the register cross-checks
  teikit validate tei/ --param period-start=1900-01-01
\b
Exit codes: 0 valid (warnings allowed), 1 errors found, 2 usage error or unreadable input.
""",
)
@click.argument("tei", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--schema", "schemas", multiple=True, type=click.Path(path_type=Path), help="RELAX NG schema (XML syntax); repeatable.")
@click.option("--schematron", "schematrons", multiple=True, type=click.Path(path_type=Path), help="ISO Schematron (.sch, or a .rng with embedded rules); repeatable.")
@click.option("--tei-all", type=click.Path(path_type=Path), help="Also validate against this tei_all.rng (grammar and embedded rules).")
@click.option("--phase", help="Schematron phase to run (default: the schema's defaultPhase, else #ALL).")
@click.option("--param", "params", multiple=True, callback=parse_param, metavar="NAME=VALUE", help="Override a Schematron schema-level let, e.g. period-end=1953-03-05.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Report format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report to this file instead of standard output.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help=f"Worker processes (default: all cores from {PARALLEL_MIN_FILES} files on, else 1).")
def validate(tei: tuple[Path, ...], schemas: tuple[Path, ...], schematrons: tuple[Path, ...], tei_all: Path | None,
             phase: str | None, params: dict[str, str], fmt: str, output: Path | None, jobs: int | None) -> None:
    """Validate TEI files (or folders of them) against RELAX NG and Schematron."""
    out, err = consoles()
    if not schemas and not schematrons:
        schemas, schematrons = (schema_file("teikit.rng"),), (schema_file("teikit.sch"),)
    rng_paths = list(schemas) + ([tei_all] if tei_all else [])
    sch_paths = list(schematrons) + ([tei_all] if tei_all else [])
    try:
        spec = ValidatorSpec(
            relaxng=tuple(str(p) for p in rng_paths),
            schematrons=tuple((str(p), phase_for(p, phase, sch_paths)) for p in sch_paths),
            params=tuple(params.items()),
        )
        validator = spec.build()
        validator.check_params()
    except (SchemaError, SchematronError) as problem:
        err.print(f"error: {problem}", markup=False, soft_wrap=True)
        sys.exit(2)
    files, missing = collect_files(list(tei))
    with ProgressBar(err, "Validating", enabled=fmt == "text" and output is None) as progress:
        progress.start(len(files))
        jobs = jobs or ((os.cpu_count() or 1) if len(files) >= PARALLEL_MIN_FILES else 1)
        if jobs > 1 and len(files) > 1:
            reports = missing + validate_in_parallel(spec, files, jobs, progress)
        else:
            reports = missing + validator.validate_files(files, progress)
    unchecked = [r.file for r in reports if r.refs_unchecked]
    if unchecked:
        err.print(
            f"warning: no registers/ folder found above {len(unchecked)} document(s) with @ref=\"#…\" "
            f"({', '.join(unchecked[:3])}{', …' if len(unchecked) > 3 else ''}): their references were not checked",
            markup=False,
            soft_wrap=True,
        )
    names = validator.names + ([f"phase {phase}"] if phase else [])
    if fmt == "json":
        text = json.dumps(as_json(reports, validator.names), indent=2, ensure_ascii=False) + "\n"
    else:
        console = out
        if output:
            console = Console(file=io.StringIO(), record=True, width=160, no_color=True, highlight=False)
        print_findings(console, reports)
        print_summary(console, reports, names)
        text = console.export_text() if output else None
    if output:
        try:
            write_atomic(output, text.encode())
        except OSError as problem:
            blocking = next((a for a in output.parents if a.exists() and not a.is_dir()), None)
            reason = f"{blocking} is a file, not a folder" if blocking else (problem.strerror or str(problem))
            err.print(f"error: {output}: cannot write the report: {reason}", markup=False, soft_wrap=True)
            sys.exit(2)
    elif fmt == "json":
        click.echo(text, nl=False)
    sys.exit(exit_code(reports))
