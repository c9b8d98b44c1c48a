<?xml version="1.0" encoding="UTF-8"?>
<!--
  Plain text, block structure (mode tk:block): the text of front, body and back as a
  sequence of blocks, <tk:b> elements that layout.xsl turns into lines:

    <tk:b kind="p" indent="4" prefix="- " join="id">normalised inline text</tk:b>

  kind     what the block is (p, head, l, item, row, speaker, ...)
  indent   spaces before every line (block quotations, speeches)
  prefix   put before the first line (list bullets, "[1] ", speaker names); wrapped
           lines are indented by its length
  join     blocks with the same join value are one unit (the lines of a stanza, the rows
           of a table, the items of a list, a letter's closing lines, a speech):
           one line break between them instead of an empty line

  An element is a block if it is one of tk:block-names, or holds one. A block element
  holding blocks is a container: its runs of inline content become blocks of their own
  and its block children are processed in turn, so unknown elements (and paragraphs
  holding lists or tables) fall back to their content and lose nothing.
  Layouts: verse one line per l, a stanza per lg; tables a row per line with cells
  separated by " | "; drama the speaker on a line, the speech indented below; lists one
  item a line with "- " (or the item's n / label).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.dev/ns"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:mode name="tk:block" on-no-match="shallow-skip"/>

  <xsl:variable name="tk:block-names" as="xs:string+" select="(
      'p', 'ab', 'head', 'l', 'lg', 'item', 'list', 'table', 'row', 'sp', 'speaker', 'stage',
      'opener', 'closer', 'salute', 'dateline', 'signed', 'postscript', 'byline', 'argument',
      'epigraph', 'trailer', 'div', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7',
      'front', 'body', 'back', 'group', 'titlePage', 'docTitle', 'titlePart', 'docAuthor',
      'docImprint', 'docDate', 'docEdition', 'listBibl', 'castList', 'castItem', 'castGroup',
      'figure', 'figDesc', 'u', 'listNote', 'listApp', 'floatingText', 'lem', 'rdg')"/>

  <xsl:function name="tk:is-block" as="xs:boolean">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="
        if (not($n instance of element())) then false()
        else if ($n/self::tei:note or $n/self::tei:app) then tk:stands-alone($n)
        else if ($n/self::tei:lem or $n/self::tei:rdg) then false()
        else if ($n/self::tei:bibl) then exists($n/parent::tei:listBibl)
        else if ($n/self::tei:label) then exists($n/parent::tei:list)
        else if ($n/self::tei:pb or $n/self::tei:fw) then local-name($n/..) = $tk:block-context
        else local-name($n) = $tk:block-names or tk:has-blocks($n)"/>
  </xsl:function>

  <xsl:function name="tk:has-blocks" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="not($e/self::tei:note or $e/self::tei:app or $e/self::tei:choice)
                          and (some $child in $e/* satisfies tk:is-block($child))"/>
  </xsl:function>

  <!-- One block from inline content; nothing when the content is empty. -->
  <xsl:template name="tk:block">
    <xsl:param name="content" as="node()*"/>
    <xsl:param name="kind" as="xs:string" select="local-name()"/>
    <xsl:param name="prefix" as="xs:string" select="''"/>
    <xsl:param name="indent" as="xs:integer" tunnel="yes" select="0"/>
    <xsl:param name="join" as="xs:string?" tunnel="yes" select="()"/>
    <xsl:variable name="text" select="tk:inline-text($content)"/>
    <xsl:if test="$text or $prefix">
      <tk:b kind="{$kind}" indent="{$indent}">
        <xsl:if test="$prefix"><xsl:attribute name="prefix" select="$prefix"/></xsl:if>
        <xsl:if test="exists($join)"><xsl:attribute name="join" select="$join"/></xsl:if>
        <xsl:value-of select="$text"/>
      </tk:b>
    </xsl:if>
  </xsl:template>

  <!-- Any element: a block of its content, or a container of blocks. -->
  <xsl:template match="*" mode="tk:block">
    <xsl:param name="prefix" as="xs:string" select="''"/>
    <xsl:choose>
      <xsl:when test="tk:has-blocks(.)">
        <xsl:call-template name="tk:container"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="tk:block">
          <xsl:with-param name="content" select="node()"/>
          <xsl:with-param name="prefix" select="$prefix"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="tk:container">
    <xsl:variable name="kind" select="local-name()"/>
    <xsl:for-each-group select="node()" group-adjacent="tk:is-block(.)">
      <xsl:choose>
        <xsl:when test="current-grouping-key()">
          <xsl:apply-templates select="current-group()" mode="tk:block"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="tk:block">
            <xsl:with-param name="content" select="current-group()"/>
            <xsl:with-param name="kind" select="$kind"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each-group>
  </xsl:template>

  <xsl:template match="tei:teiHeader | tei:facsimile | tei:standOff | tei:fw | tei:graphic
                       | comment() | processing-instruction() | text()" mode="tk:block"/>

  <!-- A page break between blocks: with pages=mark a line [p. N]. -->
  <xsl:template match="tei:pb" mode="tk:block">
    <xsl:if test="$pages = 'mark' and @n">
      <tk:b kind="pb" indent="0">[p. {@n}]</tk:b>
    </xsl:if>
  </xsl:template>

  <!-- Units whose parts are one line each, with no empty line between them. -->
  <xsl:template match="tei:lg | tei:table | tei:list | tei:opener | tei:closer | tei:castList
                       | tei:titlePage | tei:docTitle" mode="tk:block">
    <xsl:call-template name="tk:container">
      <xsl:with-param name="join" select="generate-id()" tunnel="yes"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Block quotations and other embedded texts: indented. -->
  <xsl:template match="tei:quote | tei:q | tei:said | tei:cit | tei:floatingText | tei:epigraph" mode="tk:block">
    <xsl:param name="indent" as="xs:integer" tunnel="yes" select="0"/>
    <xsl:choose>
      <xsl:when test="tk:has-blocks(.)">
        <xsl:call-template name="tk:container">
          <xsl:with-param name="indent" select="$indent + 4" tunnel="yes"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="tk:block">
          <xsl:with-param name="content" select="."/>
          <xsl:with-param name="indent" select="$indent + 4" tunnel="yes"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Drama: the speaker on a line, the speech below, indented; one unit. -->
  <xsl:template match="tei:sp" mode="tk:block">
    <xsl:param name="indent" as="xs:integer" tunnel="yes" select="0"/>
    <xsl:variable name="join" select="generate-id()"/>
    <xsl:apply-templates select="tei:speaker" mode="tk:block">
      <xsl:with-param name="join" select="$join" tunnel="yes"/>
    </xsl:apply-templates>
    <xsl:for-each-group select="node() except tei:speaker" group-adjacent="tk:is-block(.)">
      <xsl:choose>
        <xsl:when test="current-grouping-key()">
          <xsl:apply-templates select="current-group()" mode="tk:block">
            <xsl:with-param name="join" select="$join" tunnel="yes"/>
            <xsl:with-param name="indent" select="$indent + 4" tunnel="yes"/>
          </xsl:apply-templates>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="tk:block">
            <xsl:with-param name="content" select="current-group()"/>
            <xsl:with-param name="kind" select="'speech'"/>
            <xsl:with-param name="join" select="$join" tunnel="yes"/>
            <xsl:with-param name="indent" select="$indent + 4" tunnel="yes"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each-group>
  </xsl:template>

  <!-- Tables: a row a line, cells separated by " | ". -->
  <xsl:template match="tei:row" mode="tk:block">
    <xsl:call-template name="tk:block">
      <xsl:with-param name="content" select="tei:cell | tei:head"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Lists: an item a line, after "- ", its n, or the label before it (glossary lists). -->
  <xsl:template match="tei:item" mode="tk:block">
    <xsl:variable name="label" select="preceding-sibling::*[1][self::tei:label]"/>
    <xsl:variable name="prefix" select="
        if ($label) then tk:inline-text($label/node()) || ': '
        else if (@n) then @n || '. '
        else if (../@type = ('ordered', 'numbered') or ../@rend = ('numbered', 'ordered'))
          then count(preceding-sibling::tei:item) + 1 || '. '
        else '- '"/>
    <xsl:choose>
      <xsl:when test="tk:has-blocks(.)">
        <!-- an item holding a list or paragraphs: its label (or bullet) on a line of its own -->
        <xsl:call-template name="tk:block">
          <xsl:with-param name="content" select="$label/node()"/>
          <xsl:with-param name="kind" select="'label'"/>
        </xsl:call-template>
        <xsl:call-template name="tk:container"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="tk:block">
          <xsl:with-param name="content" select="node()"/>
          <xsl:with-param name="prefix" select="$prefix"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- A label followed by its item is said with the item. -->
  <xsl:template match="tei:list/tei:label[following-sibling::*[1][self::tei:item]]" mode="tk:block"/>

  <!-- A note or apparatus entry between blocks: printed where it stands. -->
  <xsl:template match="tei:note" mode="tk:block">
    <xsl:call-template name="tk:block">
      <xsl:with-param name="content" select="node()"/>
      <xsl:with-param name="prefix" select="if (@n) then '[' || @n || '] ' else ''"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:app" mode="tk:block">
    <xsl:variable name="text" as="xs:string"><xsl:apply-templates select="." mode="tk:note-text"/></xsl:variable>
    <tk:b kind="app" indent="0">{$text}</tk:b>
  </xsl:template>

</xsl:stylesheet>
