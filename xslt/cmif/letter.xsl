<?xml version="1.0" encoding="UTF-8"?>
<!--
  CMIF, first pass: one document's correspDesc in the form CMIF allows (mode tk:cmif).

  Input: a teikit TEI document. Output: nothing when it has no correspDesc with a
  correspondent, else
    <tk:letter file="1918-06-02-lenin-to-joffe" sort="1918-06-02" edition="...">
      <correspDesc ref="{edition-url}documents/{file}.html" source="#{source-id}"> ... </correspDesc>
    </tk:letter>
  Names: the register's preferred name when @ref resolves, else the name as written;
  @ref only when the register entry has an authority id (GND, VIAF, GeoNames, Wikidata;
  common/registers.xsl tk:authority-uri). Dates: the dating attributes only (CMIF's
  date holds W3C dates, no text). A missing addressee is "Unknown", as CMIF needs both
  correspActions.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.dev/ns"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <!-- URL of the edition's HTML site (what out/html/ becomes on the web); a letter's page
       there is {edition-url}documents/{file}.html, as the HTML writer names it. -->
  <xsl:param name="edition-url" as="xs:string" select="''"/>
  <!-- The id of the edition's bibl in the CMIF file (teikit passes a UUID). -->
  <xsl:param name="source-id" as="xs:string" select="'edition'"/>
  <!-- The document's file name without .xml (teikit passes it). -->
  <xsl:param name="file" as="xs:string" select="replace(tokenize(base-uri(/), '/')[last()], '\.xml$', '')"/>

  <xsl:mode name="tk:cmif" on-no-match="shallow-skip"/>

  <xsl:template match="tei:TEI" mode="tk:cmif-letter">
    <xsl:variable name="corresp" select="(tei:teiHeader/tei:profileDesc/tei:correspDesc)[1]"/>
    <xsl:if test="$corresp/tei:correspAction/(tei:persName | tei:orgName | tei:name)[normalize-space()]">
      <tk:letter file="{$file}" sort="{tk:date-sort-key(tk:date(.))}"
          edition="{normalize-space((tei:teiHeader/tei:fileDesc/tei:publicationStmt/(tei:publisher, tei:authority))[1])}">
        <xsl:apply-templates select="$corresp" mode="tk:cmif"/>
      </tk:letter>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:correspDesc" mode="tk:cmif">
    <correspDesc source="#{$source-id}">
      <xsl:if test="$edition-url">
        <xsl:attribute name="ref" select="replace($edition-url, '([^/])$', '$1/') || 'documents/' || $file || '.html'"/>
      </xsl:if>
      <xsl:apply-templates select="tei:correspAction[@type = 'sent'][1]" mode="tk:cmif"/>
      <xsl:choose>
        <xsl:when test="tei:correspAction[@type = 'received']/(tei:persName | tei:orgName | tei:name | tei:placeName | tei:date[@when | @from | @to | @notBefore | @notAfter])">
          <xsl:apply-templates select="tei:correspAction[@type = 'received'][1]" mode="tk:cmif"/>
        </xsl:when>
        <xsl:otherwise>
          <correspAction type="received">
            <persName>Unknown</persName>
          </correspAction>
        </xsl:otherwise>
      </xsl:choose>
    </correspDesc>
  </xsl:template>

  <xsl:template match="tei:correspAction" mode="tk:cmif">
    <correspAction type="{@type}">
      <xsl:apply-templates select="tei:persName | tei:orgName | tei:name" mode="tk:cmif"/>
      <xsl:if test="not(tei:persName | tei:orgName | tei:name)">
        <persName>Unknown</persName>
      </xsl:if>
      <xsl:apply-templates select="tei:placeName" mode="tk:cmif"/>
      <xsl:apply-templates select="tei:date[@when | @from | @to | @notBefore | @notAfter][1]" mode="tk:cmif"/>
    </correspAction>
  </xsl:template>

  <!-- A correspondent or place: preferred name, authority URI as @ref when known. -->
  <xsl:template match="tei:persName | tei:orgName | tei:placeName | tei:name" mode="tk:cmif">
    <xsl:variable name="entry" select="tk:register-entry(@ref)"/>
    <xsl:variable name="element" select="
        if (self::tei:name) then (if (tk:entry-kind($entry) = 'org' or @type = 'org') then 'orgName' else 'persName')
        else local-name()"/>
    <xsl:variable name="name" select="(tk:preferred-name($entry), tk:name-text(.))[1]"/>
    <xsl:if test="$name">
      <xsl:element name="{$element}" namespace="http://www.tei-c.org/ns/1.0">
        <xsl:if test="tk:authority-uri($entry)">
          <xsl:attribute name="ref" select="tk:authority-uri($entry)"/>
        </xsl:if>
        <xsl:value-of select="$name"/>
      </xsl:element>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:date" mode="tk:cmif">
    <date>
      <xsl:copy-of select="@when | @from | @to | @notBefore | @notAfter"/>
    </date>
  </xsl:template>

</xsl:stylesheet>
