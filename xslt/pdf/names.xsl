<?xml version="1.0" encoding="UTF-8"?>
<!--
  Names of persons, places and organisations: printed as written, and recorded for the
  edition's indexes. A name whose @ref resolves in the registers is indexed under the
  entry (its preferred name, life dates and short description); any other name under its
  @ref, or, untagged, under the name as written. Only the outermost name of a nest counts.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.dev/ns"
    exclude-result-prefixes="#all">

  <!-- "person", "place", "org" or () for anything that is not a name of those. -->
  <xsl:function name="tk:mention-kind" as="xs:string?">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="type" select="lower-case(string($el/@type))"/>
    <xsl:sequence select="
        if ($el/self::tei:persName) then 'person'
        else if ($el/self::tei:placeName) then 'place'
        else if ($el/self::tei:orgName) then 'org'
        else if ($el/(self::tei:rs | self::tei:name)) then
          (if ($type = ('person', 'persname')) then 'person'
           else if ($type = ('place', 'placename')) then 'place'
           else if ($type = ('org', 'organisation', 'organization', 'orgname')) then 'org'
           else ())
        else ()"/>
  </xsl:function>

  <!-- How an index sorts a name it has no entry for: surname first when marked. -->
  <xsl:function name="tk:name-sort" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="surname" select="normalize-space(string-join($el//tei:surname, ' '))"/>
    <xsl:sequence select="normalize-space(if ($surname) then $surname || ' ' || string-join($el//tei:forename, ' ')
        else tk:name-text($el))"/>
  </xsl:function>

  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:rs | tei:name">
    <xsl:variable name="kind" select="tk:mention-kind(.)"/>
    <xsl:choose>
      <xsl:when test="exists($kind) and not(ancestor::*[exists(tk:mention-kind(.))]) and normalize-space(.)">
        <xsl:variable name="ref" select="(@ref, @key)[1]"/>
        <xsl:variable name="entry" select="tk:register-entry($ref)"/>
        <xsl:variable name="key" select="string(if ($entry) then $entry/@xml:id else tokenize(normalize-space($ref), ' ')[1])"/>
        <xsl:variable name="preferred" select="tk:preferred-name($entry)"/>
        <xsl:variable name="about" select="string-join((tk:lifespan($entry), tk:short-note($entry)), ', ')"/>
        <xsl:value-of select="'#tk-name(' || tk:typst-string($kind) || ', ' || tk:typst-string($key)
            || ', ' || tk:typst-string(($preferred, tk:name-sort(.))[1])
            || (if ($preferred) then ', entry: [' || tk:typst-escape($preferred) || ']' else '')
            || (if ($about) then ', about: [' || tk:typst-escape($about) || ']' else '')
            || ')['"/>
        <xsl:apply-templates/>
        <xsl:text>]</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Parts of a name: a space between parts the encoder wrote without one. -->
  <xsl:template match="tei:forename | tei:surname | tei:roleName | tei:addName | tei:genName | tei:nameLink">
    <xsl:if test="preceding-sibling::node()[1][self::tei:forename or self::tei:surname or self::tei:roleName
                  or self::tei:addName or self::tei:genName or self::tei:nameLink]">
      <xsl:text> </xsl:text>
    </xsl:if>
    <xsl:apply-templates/>
  </xsl:template>

</xsl:stylesheet>
