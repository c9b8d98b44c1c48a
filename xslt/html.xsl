<?xml version="1.0" encoding="UTF-8"?>
<!--
  teikit HTML edition: the entry stylesheet.

  Run on a TEI document it writes that document's page; run on the edition document
  that teikit.writers.html builds (ed:edition, every TEI file of the edition) it writes
  one of the site's pages, chosen by $page (index, chronology, persons, places,
  organisations, search, search-index).

  An edition changes any part by importing this file from its own stylesheet and
  redefining a template: its templates win over every template imported here.

    <xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
        xmlns:tei="http://www.tei-c.org/ns/1.0">
      <xsl:import href="path/to/teikit/xslt/html.xsl"/>
      <xsl:template match="tei:persName">
        <span class="person"><xsl:next-match/></span>
      </xsl:template>
    </xsl:stylesheet>
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:teikit:edition"
    xmlns:h="https://teikit.dev/ns/html"
    xmlns:tk="https://teikit.dev/ns"
    exclude-result-prefixes="#all">

  <xsl:import href="common/all.xsl"/>
  <xsl:import href="html/functions.xsl"/>
  <xsl:import href="html/layout.xsl"/>
  <xsl:import href="html/text.xsl"/>
  <xsl:import href="html/editorial.xsl"/>
  <xsl:import href="html/notes.xsl"/>
  <xsl:import href="html/names.xsl"/>
  <xsl:import href="html/document.xsl"/>
  <xsl:import href="html/indexes.xsl"/>
  <xsl:import href="html/search-index.xsl"/>

  <!-- A failure says where: the module and line of the stylesheet, whatever page it was. -->
  <xsl:template match="/" priority="10">
    <xsl:try>
      <xsl:next-match/>
      <xsl:catch>
        <xsl:sequence select="error($err:code, 'on line ' || $err:line-number || ' of '
            || tokenize(string($err:module), '/')[last()] || ': ' || $err:description)" xmlns:err="http://www.w3.org/2005/xqt-errors"/>
      </xsl:catch>
    </xsl:try>
  </xsl:template>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <!-- The edition's name, shown in every page's banner and title. -->
  <xsl:param name="edition-title" as="xs:string" select="'Digital edition'"/>
  <!-- One line under the banner: who edits, what the edition is. -->
  <xsl:param name="edition-subtitle" as="xs:string" select="''"/>
  <!-- The language of documents that do not declare theirs (no xml:lang, no langUsage). -->
  <xsl:param name="language" as="xs:string" select="'en'"/>
  <!-- Which site page to write when the input is the edition document ("order": the
       documents' pages in chronological order, one a line, as text). -->
  <xsl:param name="page" as="xs:string" select="'index'"/>
  <!-- This page's path inside the site ("documents/x.html"): links are made relative to it. -->
  <xsl:param name="page-href" as="xs:string" select="''"/>
  <!-- Where the download copy of this document's TEI is, relative to the site root. -->
  <xsl:param name="tei-href" as="xs:string" select="''"/>
  <!-- $registers (the registers of persons, places and organisations) is declared in common/registers.xsl. -->
  <!-- The whole edition in chronological order (for a document page's previous/next links), or none. -->
  <xsl:param name="edition" as="document-node()?" select="()"/>
</xsl:stylesheet>
