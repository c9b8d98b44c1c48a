"""The Schematron rules embedded in a RELAX NG schema (as TEI's ODD processor writes them).

`tei_all.rng` carries the TEI's constraints as `sch:ns` and `sch:pattern` elements between
its RELAX NG definitions; lxml's RELAX NG validator ignores them. Gathered into one
`sch:schema`, they run on teikit's own Schematron engine.
"""

from __future__ import annotations

import copy

from lxml import etree

SCH = "http://purl.oclc.org/dsdl/schematron"
TOP_LEVEL = {"ns", "pattern", "let", "phase", "diagnostics", "title"}


def embedded_schematron(rng: etree._ElementTree, query_binding: str = "xslt2") -> etree._Element:
    """One `sch:schema` holding every top-level Schematron element of the RELAX NG schema.

    Rules outside any pattern get a pattern of their own; `ns` declarations are kept once
    per prefix (the first one wins, as ODD processors declare the same ones repeatedly).
    """
    schema = etree.Element(f"{{{SCH}}}schema", nsmap={"sch": SCH})
    schema.set("queryBinding", query_binding)
    seen_prefixes: dict[str, str] = {}
    for el in rng.getroot().iter(f"{{{SCH}}}*"):
        parent = el.getparent()
        if parent is not None and isinstance(parent.tag, str) and parent.tag.startswith(f"{{{SCH}}}"):
            continue  # inside another Schematron element: copied with it
        name = etree.QName(el).localname
        if name == "ns":
            prefix = el.get("prefix")
            if prefix in seen_prefixes:
                continue
            seen_prefixes[prefix] = el.get("uri")
            schema.insert(_count_ns(schema), copy.deepcopy(el))
        elif name == "rule":
            pattern = etree.SubElement(schema, f"{{{SCH}}}pattern")
            pattern.append(copy.deepcopy(el))
        elif name in TOP_LEVEL:
            schema.append(copy.deepcopy(el))
    return schema


def _count_ns(schema: etree._Element) -> int:
    return sum(1 for c in schema if c.tag == f"{{{SCH}}}ns")


def rule_count(schema: etree._Element) -> int:
    return len(schema.findall(f".//{{{SCH}}}rule"))
