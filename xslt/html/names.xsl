<?xml version="1.0" encoding="UTF-8"?>
<!--
  Names: a person, place or organisation that points into the registers (ref="#id")
  links to its entry in the index, with the register's short description as tooltip;
  a name pointing to an authority on the web links there; any other name is text.
  Every name with a pointer carries an id (tk-m-N, its count in the document) so the
  indexes can link to each mention.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:h="https://teikit.dev/ns/html"
    xmlns:tk="https://teikit.dev/ns"
    exclude-result-prefixes="#all">

  <!-- Is this name written as a link? Not when it sits in another link or holds one. -->
  <xsl:function name="h:is-name-link" as="xs:boolean">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="$name/@ref
        and (exists(h:entry($name)) or matches(tokenize($name/@ref)[1], '^https?://'))
        and not($name/(.//tei:note | .//tei:app | .//tei:ref | .//tei:ptr | .//tei:*[@ref]))
        and not(h:has-block($name))
        and not($name/ancestor::tei:*[self::tei:ref or self::tei:ptr or (@ref and (exists(h:entry(.)) or matches(tokenize(@ref)[1], '^https?://')))])"/>
  </xsl:function>

  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:rs | tei:name | tei:geogName">
    <xsl:variable name="entry" select="h:entry(.)"/>
    <xsl:variable name="kind" select="if ($entry) then local-name($entry) else ()"/>
    <xsl:variable name="mention" select="h:is-mention(.)"/>
    <xsl:choose>
      <xsl:when test="h:is-name-link(.)">
        <a href="{if ($entry) then h:entry-href($entry) else tokenize(@ref)[1]}">
          <xsl:call-template name="h:attributes">
            <xsl:with-param name="class" select="('name', $kind, if (@cert = ('low', 'unknown')) then 'uncertain' else (), if ($entry) then () else 'external')"/>
          </xsl:call-template>
          <xsl:if test="$mention and not(@xml:id)"><xsl:attribute name="id" select="h:mention-anchor(.)"/></xsl:if>
          <xsl:if test="$entry">
            <xsl:attribute name="title" select="(if (@cert = ('low', 'unknown')) then 'Identification uncertain. ' else '') || h:short-description($entry)"/>
          </xsl:if>
          <xsl:apply-templates/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <xsl:element name="{if (h:has-block(.)) then 'div' else 'span'}">
          <xsl:call-template name="h:attributes"><xsl:with-param name="class" select="('name', $kind)"/></xsl:call-template>
          <xsl:if test="$mention and not(@xml:id)"><xsl:attribute name="id" select="h:mention-anchor(.)"/></xsl:if>
          <xsl:apply-templates/>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Parts of a name read as the name. -->
  <xsl:template match="tei:forename | tei:surname | tei:addName | tei:roleName | tei:genName | tei:nameLink | tei:settlement | tei:country | tei:region">
    <!-- <forename>Charles</forename><surname>Dickens</surname> reads "Charles Dickens". -->
    <xsl:if test="preceding-sibling::node()[1][self::*]"><xsl:text> </xsl:text></xsl:if>
    <xsl:apply-templates/>
  </xsl:template>
</xsl:stylesheet>
