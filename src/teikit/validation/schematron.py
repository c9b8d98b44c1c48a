"""Running a Schematron on documents: compile once a process, SVRL out, findings back.

    sch = Schematron.from_file(path, phase=None)   # compiles once (cached per process)
    findings = sch.validate(tree, path)            # list[Finding], line/column from lxml

Documents reach Saxon through `teikit.saxon.to_xdm` (already parsed safely by
`teikit.xmlio`); nodes the rules need from other files (the edition's registers) are passed
the same way as stylesheet parameters, never fetched by Saxon's own parser.
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree
from saxonche import PySaxonApiError, PyXdmNode, PyXsltExecutable

from teikit import saxon
from teikit.saxon import native_stderr
from teikit.validation.findings import Finding, severity_of
from teikit.validation.locate import Columns, element_at, readable
from teikit.validation.schematron_compile import (
    ONLY_PATTERN,
    SVRL,
    CompiledSchematron,
    SchematronError,
    compile_schema,
    load_schema,
)
from teikit.xmlio import XMLInputError, parse_xml

__all__ = ["Finding", "ParamValue", "Schematron", "SchematronError"]

ParamValue = str | PyXdmNode | etree._Element | etree._ElementTree

_cache: dict[tuple[Path, str, str | None], Schematron] = {}


@dataclass
class Schematron:
    """A compiled Schematron, ready to check any number of documents."""

    compiled: CompiledSchematron
    executable: PyXsltExecutable
    name: str

    @classmethod
    def from_file(cls, path: Path | str, phase: str | None = None) -> Schematron:
        """Compile a `.sch` file (or the rules embedded in a `.rng`) once a process.

        Raises `SchematronError` (one line) for a file that is missing, not Schematron, or
        does not compile.
        """
        path = Path(path)
        try:
            key = (path.resolve(), hashlib.sha256(path.read_bytes()).hexdigest(), phase)
        except OSError:
            raise SchematronError(f"{path}: no such file") from None
        if key not in _cache:
            compiled = cls.from_schema(load_schema(path), phase=phase, base=path)
            if path.suffix == ".rng":
                compiled.name = f"{path.name} (embedded rules)"
            _cache[key] = compiled
        return _cache[key]

    @classmethod
    def from_schema(cls, schema: etree._Element, phase: str | None = None, base: Path | str = "schematron.sch") -> Schematron:
        """Compile a `sch:schema` element already in memory (not cached)."""
        compiled = compile_schema(schema, phase)
        try:
            executable = saxon.compile_stylesheet_text(compiled.xslt, base)
        except saxon.XSLTError as err:
            raise SchematronError(f"{Path(base).name}: the rules do not compile: {err}") from None
        return cls(compiled, executable, Path(base).name)

    @property
    def parameters(self) -> list[str]:
        """Names of the schema-level `let`s a caller may override."""
        return list(self.compiled.parameters)

    def svrl(
        self,
        tree: etree._ElementTree,
        path: Path | str | None = None,
        params: dict[str, ParamValue] | None = None,
        only_pattern: int = 0,
    ) -> etree._Element:
        """The SVRL report of one document (with `only_pattern` = n: pattern n alone, for `@documents`)."""
        unknown = sorted(set(params or {}) - set(self.compiled.parameters))
        if unknown:
            known = ", ".join(self.compiled.parameters) or "none"
            raise SchematronError(f"{self.name}: no parameter {', '.join(unknown)} (schema-level lets: {known})")
        failure: str | None = None
        with native_stderr() as printed:  # Saxon prints its own stack trace on fd 2: kept off the terminal
            try:
                document = saxon.to_xdm(tree.getroot(), path)  # the root only: a DOCTYPE never reaches Saxon
                self.executable.clear_parameters()
                for name, value in (params or {}).items():
                    self.executable.set_parameter(name, _xdm(value))
                if only_pattern:
                    self.executable.set_parameter(ONLY_PATTERN, saxon.processor().make_integer_value(only_pattern))
                text = self.executable.transform_to_string(xdm_node=document)
            except PySaxonApiError as err:
                failure = saxon.tidy_message(err)
            except saxon.XSLTError as err:
                failure = str(err)
            finally:
                self.executable.clear_parameters()
        if failure is not None:
            raise SchematronError(f"{self.name}: {failure}")
        said = printed[0] if printed else ""
        if said.strip():  # xsl:message of a run that succeeded
            sys.stderr.write(said)
        return parse_xml((text or "").encode("utf-8"), name=f"SVRL of {path}").getroot()

    def validate(
        self,
        tree: etree._ElementTree,
        path: Path | str | None = None,
        params: dict[str, ParamValue] | None = None,
        columns: Columns | None = None,
    ) -> list[Finding]:
        """Every failed assert and fired report, with the line and column of the node's element;
        then those of each `pattern/@documents` in the documents it names (`file` is theirs)."""
        report = self.svrl(tree, path, params)
        columns = columns or Columns.for_file(tree, path)
        findings = []
        for result in report.iter(f"{{{SVRL}}}failed-assert", f"{{{SVRL}}}successful-report"):
            findings.append(self._finding(result, tree, path, columns))
        findings.sort(key=lambda f: (f.line or 0, f.column or 0))
        for active in report.iter(f"{{{SVRL}}}active-pattern"):
            if active.get("documents") is not None and active.get("id") in self.compiled.documents_patterns:
                findings += self._other_documents(active, path, params)
        return findings

    def _other_documents(self, active: etree._Element, path: Path | str | None, params: dict[str, ParamValue] | None) -> list[Finding]:
        """Pattern `@documents`: each URI, resolved against the instance's folder, is read with
        teikit's parser (local files only) and checked by that pattern; findings carry its path."""
        pattern_id = active.get("id") or ""
        number = self.compiled.documents_patterns[pattern_id]
        base = Path(path).resolve().parent if path is not None else Path.cwd()
        findings: list[Finding] = []
        seen: set[Path] = set()
        for uri in (active.get("documents") or "").split():
            parts = urlsplit(uri)
            if parts.scheme not in ("", "file") or parts.netloc not in ("", "localhost") or parts.query:
                findings.append(self._unread(pattern_id, path, f"pattern/@documents: '{uri}' is not a local file; teikit reads only those"))
                continue
            target = (base / unquote(parts.path)).resolve()  # an absolute path stays as it is
            if target in seen:
                continue
            seen.add(target)
            shown = _shown(target, path)
            try:
                other = parse_xml(target)
            except XMLInputError as err:
                findings.append(self._unread(pattern_id, path, f"pattern/@documents: {err}"))
                continue
            except OSError as err:
                findings.append(self._unread(pattern_id, path, f"pattern/@documents: cannot read {shown}: {err.strerror or err}"))
                continue
            report = self.svrl(other, target, params, only_pattern=number)
            columns = Columns.for_file(other, target)
            found = [self._finding(r, other, shown, columns) for r in report.iter(f"{{{SVRL}}}failed-assert", f"{{{SVRL}}}successful-report")]
            findings += sorted(found, key=lambda f: (f.line or 0, f.column or 0))
        return findings

    def _unread(self, pattern_id: str, path: Path | str | None, message: str) -> Finding:
        return Finding(rule_id=pattern_id, severity="error", message=message, file=str(path) if path is not None else None, source=self.name)

    def _finding(self, result: etree._Element, tree: etree._ElementTree, path: Path | str | None, columns: Columns) -> Finding:
        rule_id = result.get("id") or "schematron"
        info = self.compiled.assertions.get(rule_id)
        if result.get("evaluation-error"):
            severity = "error"
        else:
            severity = severity_of(result.get("role") or result.get("flag"), info.severity if info else "error")
        message = " ".join("".join(result.findtext(f"{{{SVRL}}}text") or "").split())
        if not message and info:
            message = f"{info.kind} failed: {info.test}" if info.kind == "assert" else f"report fired: {info.test}"
        details = [
            " ".join("".join(d.itertext()).split())
            for d in result.iter(f"{{{SVRL}}}diagnostic-reference")
        ]
        if any(details):
            message += " (" + "; ".join(d for d in details if d) + ")"
        properties = {
            ref.get("property") or "": " ".join("".join(ref.itertext()).split())
            for ref in result.iter(f"{{{SVRL}}}property-reference")
        }
        location = result.get("location") or ""
        element = element_at(tree, location) if location else None
        line = column = None
        if element is not None:
            line, column = columns.position(element)
        return Finding(
            rule_id=rule_id,
            severity=severity,
            message=message,
            location=readable(location) if location else None,
            line=line,
            column=column,
            file=str(path) if path is not None else None,
            source=self.name,
            properties=properties,
        )


def _shown(target: Path, path: Path | str | None) -> Path:
    """Another document's path as findings show it: relative when the instance's path is."""
    if path is not None and not Path(path).is_absolute():
        try:
            return target.relative_to(Path.cwd())
        except ValueError:
            return target
    return target


def _xdm(value: ParamValue):
    if isinstance(value, str):
        return saxon.processor().make_string_value(value)
    if isinstance(value, etree._ElementTree):
        return saxon.to_xdm(value.getroot())
    if isinstance(value, etree._Element):
        return saxon.to_xdm(value)
    return value


