<?xml version="1.0" encoding="UTF-8"?>
<!--
  CMIF, second pass: the letters of the whole edition (<tk:letters> holding the
  <tk:letter> elements of the first pass) as one CMIF file for correspSearch.

  Parameters:
    cmif-url       where the CMIF file will be published (publicationStmt/idno)
                   default: {edition-url}cmif.xml, else https://example.org/edition/cmif.xml
    edition-title  the edition's name (default: the documents' publisher or authority)
    edition-url    the web address of the edition's HTML site (bibl/ref; letters' @ref)
    editor         titleStmt/editor (default: the edition's title)
    publisher      publicationStmt/publisher (default: the editor)
    cmif-date      publicationStmt/date/@when (teikit passes today's date, or
                   SOURCE_DATE_EPOCH's, for reproducible builds)
    licence-url    default https://creativecommons.org/licenses/by/4.0/ (what correspSearch asks for)
  Letters are listed in chronological order.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.dev/ns"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:param name="cmif-url" as="xs:string" select="''"/>
  <xsl:param name="edition-title" as="xs:string" select="''"/>
  <xsl:param name="editor" as="xs:string" select="''"/>
  <xsl:param name="publisher" as="xs:string" select="''"/>
  <xsl:param name="cmif-date" as="xs:string" select="string(current-date())"/>
  <xsl:param name="licence-url" as="xs:string" select="'https://creativecommons.org/licenses/by/4.0/'"/>

  <xsl:template match="tk:letters" mode="tk:cmif-file">
    <xsl:variable name="title" select="($edition-title[normalize-space()], tk:letter/@edition[normalize-space()], 'Edition encoded with teikit')[1]"/>
    <xsl:variable name="url" select="
        if (normalize-space($cmif-url)) then normalize-space($cmif-url)
        else if (normalize-space($edition-url)) then replace(normalize-space($edition-url), '([^/])$', '$1/') || 'cmif.xml'
        else 'https://example.org/edition/cmif.xml'"/>
    <TEI>
      <teiHeader>
        <fileDesc>
          <titleStmt>
            <title>Correspondence metadata: {$title}</title>
            <editor>{($editor[normalize-space()], $title)[1]}</editor>
          </titleStmt>
          <publicationStmt>
            <publisher>{($publisher[normalize-space()], $editor[normalize-space()], $title)[1]}</publisher>
            <idno type="url">{$url}</idno>
            <date when="{$cmif-date}"/>
            <availability>
              <licence target="{$licence-url}">This file is licensed under the terms of {
                if (contains($licence-url, 'by/4.0')) then 'the Creative Commons Licence CC BY 4.0' else $licence-url}.</licence>
            </availability>
          </publicationStmt>
          <sourceDesc>
            <bibl type="online" xml:id="{$source-id}">{$title}<xsl:if test="normalize-space($edition-url)">, <ref target="{$edition-url}">{$edition-url}</ref></xsl:if></bibl>
          </sourceDesc>
        </fileDesc>
        <profileDesc>
          <xsl:for-each select="tk:letter">
            <xsl:sort select="@sort"/>
            <xsl:sort select="@file"/>
            <xsl:copy-of select="tei:correspDesc" copy-namespaces="no"/>
          </xsl:for-each>
        </profileDesc>
      </teiHeader>
      <text>
        <body>
          <p/>
        </body>
      </text>
    </TEI>
  </xsl:template>

</xsl:stylesheet>
