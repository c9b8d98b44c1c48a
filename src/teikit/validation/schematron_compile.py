"""ISO Schematron to XSLT 3.0: teikit's own compiler, so that XPath 2/3 rules run offline on Saxon.

The steps are those of the ISO reference implementation, done on lxml trees:
1. `include` (and schema-level `extends href`) are replaced by what they point to;
2. abstract patterns are instantiated (`is-a` + `param`: `$name` substituted in attributes);
3. `extends rule=` is replaced by the abstract rule's content;
4. the phase picks the active patterns;
5. one XSLT 3.0 stylesheet is written: one mode a pattern (so every pattern sees every
   node), one template a rule (the first matching rule of a pattern wins, by priority),
   SVRL `failed-assert`/`successful-report` for each assert that fails or report that fires.

Schema-level `let`s become stylesheet parameters, so a caller can override them (the
edition's period, the registers); phase and pattern `let`s are global variables; rule
`let`s are local variables of the rule's template. `@role`/`@flag` give the severity. A
test or a rule-level let that raises a dynamic error (say `xs:date('1926-02-30')`) is
reported as one finding of its rule instead of aborting the whole run.

ISO Schematron 2020: `let/@as` becomes the variable's `@as`; a `let` without `@value` has its
content as value (a document node, or what `@as` says). `properties/property` referenced by
an assert's or report's `@properties` become `svrl:property-reference`s (their `value-of` and
`name` evaluated on the failing node). `pattern/@documents` is evaluated on the instance and
its URIs go back in SVRL (`active-pattern/@documents`); `schematron.py` reads those documents
with teikit's own parser and runs the pattern on each (see `ONLY_PATTERN`).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teikit.xmlio import XMLInputError, parse_xml

SCH = "http://purl.oclc.org/dsdl/schematron"
SCH_OLD = "http://www.ascc.net/xml/schematron"  # Schematron 1.5: same elements for our purpose
XSL = "http://www.w3.org/1999/XSL/Transform"
SVRL = "http://purl.oclc.org/dsdl/svrl"
RNG = "http://relaxng.org/ns/structure/1.0"
ERR = "http://www.w3.org/2005/xqt-errors"
XS = "http://www.w3.org/2001/XMLSchema"

ONLY_PATTERN = "teikit-only-pattern"  # stylesheet parameter: run one pattern (of @documents) on another document
QUERY_BINDINGS = {"xslt", "xslt1", "xslt2", "xslt3", "xpath", "xpath2", "xpath3", "xpath31"}
ALL_PHASE = "#ALL"


class SchematronError(Exception):
    """A Schematron that cannot be compiled, said in one line."""


def S(name: str) -> str:
    return f"{{{SCH}}}{name}"


def X(name: str) -> str:
    return f"{{{XSL}}}{name}"


def V(name: str) -> str:
    return f"{{{SVRL}}}{name}"


@dataclass
class AssertionInfo:
    """What the compiler knows about one assert/report: reported back with each finding."""

    rule_id: str
    kind: str  # "assert" | "report"
    severity: str
    pattern: str
    test: str


@dataclass
class CompiledSchematron:
    xslt: str
    title: str
    phase: str
    patterns: list[str]
    parameters: list[str]  # schema-level lets: overridable from outside
    assertions: dict[str, AssertionInfo] = field(default_factory=dict)
    documents_patterns: dict[str, int] = field(default_factory=dict)  # pattern id -> its number, for `pattern/@documents`


# --------------------------------------------------------------------------- loading


def load_schema(path: Path) -> etree._Element:
    """The `sch:schema` element of a Schematron file, or of the rules embedded in a RELAX NG schema."""
    try:
        root = parse_xml(path).getroot()
    except XMLInputError as err:
        raise SchematronError(str(err)) from None
    if root.tag == f"{{{RNG}}}grammar" or root.tag.startswith(f"{{{RNG}}}"):
        from teikit.validation.extract import embedded_schematron

        root = embedded_schematron(root.getroottree())
    normalise_namespace(root)
    if root.tag != S("schema"):
        raise SchematronError(f"{path}: not a Schematron schema (root element {etree.QName(root).localname})")
    resolve_includes(root, Path(path), depth=0)
    return root


def normalise_namespace(root: etree._Element) -> None:
    """Schematron 1.5 elements are read as ISO ones."""
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.startswith(f"{{{SCH_OLD}}}"):
            el.tag = S(etree.QName(el).localname)


def resolve_includes(root: etree._Element, base: Path, depth: int) -> None:
    """Replace `include href` (and schema-level `extends href`) by the elements they point to."""
    if depth > 20:
        raise SchematronError(f"{base}: includes nested more than 20 deep (a cycle?)")
    for el in list(root.iter(S("include"), S("extends"))):
        href = el.get("href")
        if not href or el.getparent() is None:
            continue
        file_part, _, fragment = href.partition("#")
        target = (base.parent / file_part).resolve() if file_part else base
        try:
            included = parse_xml(target).getroot()
        except XMLInputError as err:
            raise SchematronError(f"{base}: include {href}: {err}") from None
        normalise_namespace(included)
        if fragment:
            found = included.xpath("//*[@id = $id or @xml:id = $id]", id=fragment)
            if not found:
                raise SchematronError(f"{base}: include {href}: no element with id '{fragment}'")
            included = found[0]
        resolve_includes(included, target, depth + 1)
        parent = el.getparent()
        index = parent.index(el)
        parent.remove(el)
        if included.tag == S("schema"):
            replacements = [copy.deepcopy(c) for c in included if isinstance(c.tag, str) and c.tag != S("title")]
        else:
            replacements = [copy.deepcopy(included)]
        for offset, new in enumerate(replacements):
            parent.insert(index + offset, new)


# --------------------------------------------------------------------------- abstract patterns and rules


def instantiate_abstract_patterns(schema: etree._Element) -> None:
    """`<pattern is-a="a"><param name="p" value="v"/></pattern>` becomes a copy of `a` with `$p` = v."""
    abstract = {p.get("id"): p for p in schema.iter(S("pattern")) if p.get("abstract") == "true"}
    for instance in [p for p in schema.iter(S("pattern")) if p.get("is-a")]:
        base = abstract.get(instance.get("is-a"))
        if base is None:
            raise SchematronError(f"pattern {instance.get('id') or ''} is-a '{instance.get('is-a')}': no abstract pattern with that id")
        params = {}
        for param in instance.iter(S("param")):
            name = param.get("name") or param.get("formal")
            value = param.get("value") if param.get("value") is not None else param.get("actual")
            if name is None or value is None:
                raise SchematronError(f"pattern {instance.get('id') or instance.get('is-a')}: a param needs name and value")
            params[name] = value
        for child in list(instance):
            if child.tag == S("param"):
                instance.remove(child)
        for child in base:
            if isinstance(child.tag, str) and child.tag != S("param"):
                new = copy.deepcopy(child)
                substitute_params(new, params)
                instance.append(new)
        del instance.attrib["is-a"]
    for pattern in abstract.values():
        pattern.getparent().remove(pattern)


def substitute_params(el: etree._Element, params: dict[str, str]) -> None:
    if not params:
        return
    names = sorted(params, key=len, reverse=True)
    regex = re.compile(r"\$(" + "|".join(re.escape(n) for n in names) + r")(?![\w.\-])")
    for node in el.iter():
        if not isinstance(node.tag, str):
            continue
        for key, value in node.attrib.items():
            if "$" in value:
                node.set(key, regex.sub(lambda m: params[m.group(1)], value))


def expand_extends(schema: etree._Element) -> None:
    """`<extends rule="r"/>` becomes the content of abstract rule r (recursively)."""
    abstract = {r.get("id"): r for r in schema.iter(S("rule")) if r.get("abstract") == "true"}

    def expand(rule: etree._Element, seen: tuple[str, ...]) -> None:
        for ext in [e for e in rule if e.tag == S("extends") and e.get("rule")]:
            name = ext.get("rule")
            if name in seen:
                raise SchematronError(f"rule '{name}' extends itself")
            base = abstract.get(name)
            if base is None:
                raise SchematronError(f"extends rule='{name}': no abstract rule with that id")
            expand(base, seen + (name,))
            index = rule.index(ext)
            rule.remove(ext)
            for offset, child in enumerate(c for c in base if isinstance(c.tag, str) and c.tag != S("title")):
                rule.insert(index + offset, copy.deepcopy(child))

    for rule in list(schema.iter(S("rule"))):
        expand(rule, (rule.get("id") or "",))
    for rule in abstract.values():
        rule.getparent().remove(rule)


# --------------------------------------------------------------------------- phases


def active_patterns(schema: etree._Element, phase: str | None) -> tuple[str, list[etree._Element], list[etree._Element]]:
    """(phase name, active patterns, the phase's lets)."""
    patterns = [p for p in schema.iter(S("pattern"))]
    name = phase or schema.get("defaultPhase") or ALL_PHASE
    if name == "#DEFAULT":
        name = schema.get("defaultPhase") or ALL_PHASE
    if name == ALL_PHASE:
        return name, patterns, []
    phases = {p.get("id"): p for p in schema.iter(S("phase"))}
    if name not in phases:
        known = ", ".join(sorted(k for k in phases if k)) or "none"
        raise SchematronError(f"no phase '{name}' in this Schematron (phases: {known}, #ALL)")
    wanted = [a.get("pattern") for a in phases[name].iter(S("active"))]
    by_id = {p.get("id"): p for p in patterns}
    missing = [w for w in wanted if w not in by_id]
    if missing:
        raise SchematronError(f"phase '{name}' activates unknown pattern(s): {', '.join(missing)}")
    chosen = [p for p in patterns if p.get("id") in wanted]
    return name, chosen, [l for l in phases[name] if l.tag == S("let")]


def declared_phases(path: Path | str) -> set[str]:
    """The phase ids a Schematron file declares (plus #ALL and #DEFAULT, always available)."""
    return {p.get("id") for p in load_schema(Path(path)).iter(S("phase")) if p.get("id")} | {ALL_PHASE, "#DEFAULT"}


# --------------------------------------------------------------------------- XSLT generation


def compile_schematron(path: Path | str, phase: str | None = None) -> CompiledSchematron:
    schema = load_schema(Path(path))
    return compile_schema(schema, phase)


def compile_schema(schema: etree._Element, phase: str | None = None) -> CompiledSchematron:
    binding = (schema.get("queryBinding") or "xslt").lower()
    if binding not in QUERY_BINDINGS:
        raise SchematronError(f"queryBinding '{binding}' is not supported (use xslt, xslt2 or xslt3)")
    instantiate_abstract_patterns(schema)
    expand_extends(schema)
    phase_name, patterns, phase_lets = active_patterns(schema, phase)
    generator = _Generator(schema)
    xslt = generator.stylesheet(phase_name, patterns, phase_lets)
    title = " ".join("".join(schema.findtext(S("title")) or "").split())
    return CompiledSchematron(
        xslt=xslt,
        title=title,
        phase=phase_name,
        patterns=[p.get("id") or f"pattern-{i + 1}" for i, p in enumerate(patterns)],
        parameters=generator.parameters,
        assertions=generator.assertions,
        documents_patterns=generator.documents_patterns,
    )


class _Generator:
    def __init__(self, schema: etree._Element):
        self.schema = schema
        self.namespaces: dict[str, str] = {"xsl": XSL, "svrl": SVRL, "err": ERR}
        for ns in schema.iter(S("ns")):
            prefix, uri = ns.get("prefix"), ns.get("uri")
            if not prefix or uri is None:
                raise SchematronError("an ns element needs prefix and uri")
            if prefix in ("xsl", "svrl", "err", "xml") and self.namespaces.get(prefix, uri) != uri:
                raise SchematronError(f"ns prefix '{prefix}' is reserved by the compiler")
            self.namespaces[prefix] = uri
        self.namespaces.setdefault("xs", XS)
        self.diagnostics = {d.get("id"): d for d in schema.iter(S("diagnostic")) if d.get("id")}
        self.properties = {p.get("id"): p for p in schema.iter(S("property")) if p.get("id")}
        self.documents_patterns: dict[str, int] = {}
        self.parameters: list[str] = []
        self.assertions: dict[str, AssertionInfo] = {}
        self._globals: set[str] = set()

    def stylesheet(self, phase: str, patterns: list[etree._Element], phase_lets: list[etree._Element]) -> str:
        root = etree.Element(X("stylesheet"), nsmap=self.namespaces)
        root.set("version", "3.0")
        root.set("exclude-result-prefixes", " ".join(p for p in self.namespaces if p != "svrl"))
        out = etree.SubElement(root, X("output"), method="xml", indent="no")
        out.set("encoding", "UTF-8")
        for el in self.schema:
            if isinstance(el.tag, str) and el.tag in (X("function"), X("key"), X("import-schema")):
                root.append(copy.deepcopy(el))
        only = etree.SubElement(root, X("param"), name=ONLY_PATTERN, select="0")
        only.set("as", "xs:integer")
        self._globals.add(ONLY_PATTERN)
        for let in [l for l in self.schema if l.tag == S("let")]:
            self.parameters.append(let.get("name"))
            self.global_variable(root, let, X("param"))
        for let in phase_lets:
            self.global_variable(root, let, X("variable"))
        for pattern in patterns:
            for let in [l for l in pattern if l.tag == S("let")]:
                self.global_variable(root, let, X("variable"))

        top = etree.SubElement(root, X("template"), match="/")
        output = etree.SubElement(top, V("schematron-output"), phase=phase)
        title = " ".join((self.schema.findtext(S("title")) or "").split())
        if title:
            output.set("title", title)
        for prefix, uri in self.namespaces.items():
            if prefix not in ("xsl", "svrl", "err"):
                etree.SubElement(output, V("ns-prefix-in-attribute-values"), prefix=prefix, uri=uri)
        for n, pattern in enumerate(patterns, 1):
            mode = f"pattern-{n}"
            pattern_id = pattern.get("id") or mode
            documents = pattern.get("documents")
            if documents is None:
                # a run for one pattern on another document (ONLY_PATTERN = n) runs that pattern alone
                where = etree.SubElement(output, X("if"), test=f"${ONLY_PATTERN} = 0")
            else:
                # ISO 2020: the rules of the pattern apply to the documents the XPath names, not to
                # the instance. The URIs go back in SVRL; teikit reads them with its own parser and
                # runs this stylesheet again on each with ONLY_PATTERN = n. Saxon never reads a file.
                self.documents_patterns[pattern_id] = n
                choose = etree.SubElement(output, X("choose"))
                attempt = etree.SubElement(etree.SubElement(choose, X("when"), test=f"${ONLY_PATTERN} = 0"), X("try"))
                listed = etree.SubElement(attempt, V("active-pattern"))
                listed.set("id", pattern_id)
                uris = etree.SubElement(listed, X("attribute"), name="documents")
                uris.set("select", f"string-join(for $u in ({documents}) return iri-to-uri(string($u)), ' ')")
                catch = etree.SubElement(attempt, X("catch"))
                etree.SubElement(catch, V("active-pattern")).set("id", pattern_id)
                self.evaluation_error(catch, pattern_id, "the pattern's documents could not be evaluated: ")
                where = etree.SubElement(choose, X("when"), test=f"${ONLY_PATTERN} = {n}")
            active = etree.SubElement(where, V("active-pattern"))
            active.set("id", pattern_id)
            etree.SubElement(where, X("apply-templates"), select=".", mode=mode)
            etree.SubElement(root, X("mode"), name=mode, **{"on-no-match": "shallow-skip"})
            self.pattern_templates(root, pattern, n, mode)
        return etree.tostring(root, encoding="unicode")

    def global_variable(self, root: etree._Element, let: etree._Element, kind: str) -> None:
        name = let.get("name")
        if not name:
            raise SchematronError("a let needs a name")
        if name in self._globals:
            raise SchematronError(f"let '{name}' is declared twice at schema, phase or pattern level")
        self._globals.add(name)
        var = etree.SubElement(root, kind, name=name)
        self.let_value(var, let)

    def let_value(self, var: etree._Element, let: etree._Element) -> None:
        """`@value` is an XPath; without it the let's content is the value (ISO 2020): a
        document node holding that content, or what `@as` says it is (`element()`, ...).
        The content is taken literally (`{` in its attributes is not an AVT); `xsl:` elements
        in it stay instructions, as in the other XSLT-based implementations."""
        if let.get("as"):
            var.set("as", let.get("as"))
        if let.get("value") is not None:
            if len(let) or (let.text or "").strip():
                raise SchematronError(f"let '{let.get('name')}' has both a value attribute and content")
            var.set("select", let.get("value"))
            return
        children = [c for c in let if isinstance(c.tag, str)]
        if not children and not (let.text or "").strip():
            var.set("select", "()")
            return
        var.text = let.text
        for child in let:  # comments and processing instructions in a stylesheet produce nothing
            new = copy.deepcopy(child)
            for node in new.iter():
                if isinstance(node.tag, str) and not node.tag.startswith(f"{{{XSL}}}"):
                    for key, value in node.attrib.items():
                        node.set(key, value.replace("{", "{{").replace("}", "}}"))
            var.append(new)

    def pattern_templates(self, root: etree._Element, pattern: etree._Element, n: int, mode: str) -> None:
        rules = [r for r in pattern if r.tag == S("rule")]
        pattern_id = pattern.get("id") or f"pattern-{n}"
        for index, rule in enumerate(rules):
            context = rule.get("context")
            if not context:
                raise SchematronError(f"pattern {pattern_id}: a rule without context")
            template = etree.SubElement(root, X("template"), match=context, mode=mode, priority=str(len(rules) - index))
            checks = [c for c in rule if c.tag in (S("assert"), S("report"))]
            lets = [c for c in rule if c.tag == S("let")]
            # Saxon evaluates a rule's lets before the checks' own xsl:try, so a let that raises
            # a dynamic error would abort the whole run: the rule's body gets a try of its own.
            body = etree.SubElement(template, X("try")) if lets else template
            ids = []
            for child in rule:
                if child.tag == S("let"):
                    var = etree.SubElement(body, X("variable"), name=child.get("name") or "")
                    self.let_value(var, child)
                elif child.tag in (S("assert"), S("report")):
                    rule_id = self.rule_id(child, rule, pattern_id, len(rules), index, checks)
                    ids.append(rule_id)
                    self.check(body, child, rule, pattern_id, rule_id)
            if lets:
                rule_id = rule.get("id") or (ids[0] if len(ids) == 1 else (pattern_id if len(rules) == 1 else f"{pattern_id}-rule{index + 1}"))
                names = ", ".join("$" + (let.get("name") or "") for let in lets)
                said = f"the rule's let {names} could not be evaluated here: " if len(lets) == 1 else f"a let of the rule ({names}) could not be evaluated here: "
                self.evaluation_error(etree.SubElement(body, X("catch")), rule_id, said)
            etree.SubElement(template, X("apply-templates"), select="@*|node()", mode="#current")

    def rule_id(self, check: etree._Element, rule: etree._Element, pattern_id: str, rule_count: int, index: int, checks: list) -> str:
        """The assert's id; else its rule's or pattern's id (with a position when shared)."""
        if check.get("id"):
            candidate = check.get("id")
        else:
            base = rule.get("id") or (pattern_id if rule_count == 1 else f"{pattern_id}-rule{index + 1}")
            candidate = base if len(checks) == 1 else f"{base}-{checks.index(check) + 1}"
        unique, k = candidate, 2
        while unique in self.assertions:
            unique, k = f"{candidate}-{k}", k + 1
        return unique

    def check(self, template: etree._Element, check: etree._Element, rule: etree._Element, pattern_id: str, rule_id: str) -> None:
        test = check.get("test")
        if test is None:
            raise SchematronError(f"rule {rule_id}: {etree.QName(check).localname} without test")
        kind = etree.QName(check).localname
        role = check.get("role") or check.get("flag") or rule.get("role") or rule.get("flag")
        from teikit.validation.findings import severity_of

        self.assertions[rule_id] = AssertionInfo(rule_id, kind, severity_of(role), pattern_id, test)
        attempt = etree.SubElement(template, X("try"))
        condition = etree.SubElement(attempt, X("if"), test=f"not({test})" if kind == "assert" else test)
        result = etree.SubElement(condition, V("failed-assert" if kind == "assert" else "successful-report"))
        result.set("id", rule_id)
        if role:
            result.set("role", role)
        if check.get("flag"):
            result.set("flag", check.get("flag"))
        result.set("location", "{path()}")
        text = etree.SubElement(result, V("text"))
        self.message(text, check)
        for ref in (check.get("diagnostics") or "").split():
            diagnostic = self.diagnostics.get(ref)
            if diagnostic is None:
                raise SchematronError(f"rule {rule_id}: no diagnostic with id '{ref}'")
            reference = etree.SubElement(result, V("diagnostic-reference"), diagnostic=ref)
            self.message(etree.SubElement(reference, V("text")), diagnostic)
        for ref in (check.get("properties") or "").split():
            prop = self.properties.get(ref)
            if prop is None:
                raise SchematronError(f"rule {rule_id}: no property with id '{ref}'")
            reference = etree.SubElement(result, V("property-reference"), property=ref)
            for name in ("role", "scheme"):
                if prop.get(name):
                    reference.set(name, prop.get(name))
            self.message(etree.SubElement(reference, V("text")), prop)
        self.evaluation_error(etree.SubElement(attempt, X("catch")), rule_id, "the rule's test could not be evaluated here: ")

    def evaluation_error(self, catch: etree._Element, rule_id: str, said: str) -> None:
        """In an xsl:catch: one failed-assert saying what could not be evaluated, and Saxon's reason."""
        failed = etree.SubElement(catch, V("failed-assert"), id=rule_id, role="error", location="{path()}")
        failed.set("evaluation-error", "true")
        message = etree.SubElement(failed, V("text"))
        etree.SubElement(message, X("text")).text = said
        etree.SubElement(message, X("value-of"), select="$err:description")

    def message(self, target: etree._Element, source: etree._Element) -> None:
        """Copy the text of an assert/report/diagnostic, evaluating `value-of` and `name`."""
        if source.text:
            etree.SubElement(target, X("text")).text = source.text
        for child in source:
            if child.tag == S("value-of"):
                etree.SubElement(target, X("value-of"), select=child.get("select") or ".")
            elif child.tag == S("name"):
                etree.SubElement(target, X("value-of"), select=f"name({child.get('path') or '.'})")
            elif isinstance(child.tag, str):
                self.message(target, child)  # emph, dir, span, foreign markup: their text
            if child.tail:
                etree.SubElement(target, X("text")).text = child.tail
