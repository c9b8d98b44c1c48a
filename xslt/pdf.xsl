<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI -> Typst markup for teikit's PDFs (teikit render, format pdf). The markup calls the
  layout functions of pdf/edition.typ; teikit.writers.pdf compiles it with Typst, one PDF
  per document and the edition (title page, contents, documents by date, indexes).

    pdf/escape.xsl     the one place where text becomes Typst source (tk:typst-escape)
    pdf/document.xsl   a TEI document -> a tk-document call (sort key, language, title)
    pdf/header.xsl     the fields printed above the text (from, to, date, source ...)
    pdf/language.xsl   xml:lang -> Typst text(lang:) for hyphenation
    pdf/blocks.xsl     divisions, paragraphs, letters, verse, drama, lists, tables
    pdf/inline.xsl     highlighting, editorial signs, notes, page breaks
    pdf/names.xsl      persons, places, organisations: printed, and indexed
    pdf/apparatus.xsl  app/lem/rdg: lemma in the text, readings in a footnote
    pdf/fallback.xsl   any other element: its content

  Parameters: registers (set by teikit; see common/registers.xsl). The writer also reads
  edition-title, edition-subtitle (the title page) and edition=no (no edition PDF).

  To change how an element is printed, import this stylesheet from your own and override
  its template (teikit render with a stylesheet of yours; see the README), e.g.
    <xsl:import href="path/to/teikit/xslt/pdf.xsl"/>
    <xsl:template match="tei:supplied">#tk-italic[<xsl:apply-templates/>]</xsl:template>
  and restyle the page by shadowing functions of pdf/edition.typ.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    exclude-result-prefixes="#all">

  <xsl:import href="common/all.xsl"/>

  <xsl:include href="pdf/escape.xsl"/>
  <xsl:include href="pdf/language.xsl"/>
  <xsl:include href="pdf/header.xsl"/>
  <xsl:include href="pdf/document.xsl"/>
  <xsl:include href="pdf/blocks.xsl"/>
  <xsl:include href="pdf/inline.xsl"/>
  <xsl:include href="pdf/names.xsl"/>
  <xsl:include href="pdf/apparatus.xsl"/>
  <xsl:include href="pdf/fallback.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

</xsl:stylesheet>
