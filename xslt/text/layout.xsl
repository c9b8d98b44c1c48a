<?xml version="1.0" encoding="UTF-8"?>
<!--
  Plain text, layout: blocks (<tk:b>, see blocks.xsl) to lines.

  Parameters:
    layout  "paragraphs" (default): an empty line between blocks, none inside a unit
            (stanza, table, list, speech, endnotes); indents kept.
            "lines": one block a line, no empty lines, no indents, never wrapped: for
            corpus tools that read a paragraph a line.
    width   wrap lines at this many characters (default 0: do not wrap). Words longer
            than the width stand alone on a line; they are never broken.

  tk:wrap($text, $width, $first, $rest) as xs:string
      $text on lines of at most $width characters, the first line starting with $first,
      the others with $rest; $width 0 or less: one line.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tk="https://teikit.dev/ns"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:param name="layout" as="xs:string" select="'paragraphs'"/>
  <xsl:param name="width" as="xs:string" select="'0'"/>

  <xsl:variable name="tk:width" as="xs:integer"
      select="if ($layout = 'lines' or not($width castable as xs:integer)) then 0 else xs:integer($width)"/>

  <xsl:function name="tk:wrap" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="width" as="xs:integer"/>
    <xsl:param name="first" as="xs:string"/>
    <xsl:param name="rest" as="xs:string"/>
    <xsl:variable name="words" select="tokenize(normalize-space($text), ' ')[.]"/>
    <xsl:choose>
      <xsl:when test="$width le 0 or empty($words)">
        <xsl:sequence select="$first || normalize-space($text)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="state" select="fold-left($words, map{'done': (), 'line': $first, 'empty': true()},
            function($acc, $word) {
              if ($acc?empty) then map{'done': $acc?done, 'line': $acc?line || $word, 'empty': false()}
              else if (string-length($acc?line) + 1 + string-length($word) le $width)
                then map{'done': $acc?done, 'line': $acc?line || ' ' || $word, 'empty': false()}
              else map{'done': ($acc?done, $acc?line), 'line': $rest || $word, 'empty': false()}
            })"/>
        <xsl:sequence select="string-join(($state?done, $state?line), '&#10;')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="tk:spaces" as="xs:string">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:sequence select="string-join((1 to $n) ! ' ', '')"/>
  </xsl:function>

  <!-- One block as text: its indent, prefix, wrapped content. -->
  <xsl:function name="tk:block-text" as="xs:string">
    <xsl:param name="b" as="element(tk:b)"/>
    <xsl:variable name="indent" select="if ($layout = 'lines') then '' else tk:spaces(xs:integer(($b/@indent, 0)[1]))"/>
    <xsl:variable name="prefix" select="string($b/@prefix)"/>
    <xsl:sequence select="tk:wrap(string($b), $tk:width, $indent || $prefix, $indent || tk:spaces(string-length($prefix)))"/>
  </xsl:function>

  <!-- Blocks as text: an empty line between blocks, a line break inside a unit. -->
  <xsl:function name="tk:lay-out" as="xs:string">
    <xsl:param name="blocks" as="element(tk:b)*"/>
    <xsl:sequence select="string-join(
        for $i in 1 to count($blocks)
        return (
          if ($i eq 1) then ''
          else if ($layout = 'lines') then '&#10;'
          else if ($blocks[$i]/@join and $blocks[$i]/@join = $blocks[$i - 1]/@join) then '&#10;'
          else '&#10;&#10;'
        ) || tk:block-text($blocks[$i]), '')"/>
  </xsl:function>

</xsl:stylesheet>
