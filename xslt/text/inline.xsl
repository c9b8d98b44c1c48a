<?xml version="1.0" encoding="UTF-8"?>
<!--
  Plain text, inline content (mode tk:inline): running text with the editorial
  conventions of a reading text (Leiden-style brackets), as strings.

    supplied        [text]            text supplied by the editor
    unclear         text(?)           uncertain reading; empty: [...]
    gap             [...]             omitted or illegible text (its desc: [... desc])
    del             ⟦text⟧            deleted in the source
    add             \text/            added in the source
    sic             text [sic]        (alone; in a choice the correction is shown, the
                                      original goes to a note)
    choice          corr / reg / expan shown; sic, orig and an abbr whose expansion
                    does not show it go to a note
    ex              (text)            expanded part of an abbreviation
    q, said, quote  “text”            inline quotations (rend="none" or text already
                                      quoted: as it is)
    note, app       [n]               marker of the endnote (see notes.xsl)
    lb / pb         a space (none with break="no"); pb with pages=mark: [p. N]
    fw, teiHeader metadata, figures' graphic: nothing
  Anything else: its content (mode declared text-only-copy), so TEI this stylesheet does
  not know loses no text. Override any template by importing xslt/text.xsl.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.dev/ns"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:mode name="tk:inline" on-no-match="text-only-copy"/>

  <!-- "mark": page breaks as [p. N] in the text; anything else: no page markers. -->
  <xsl:param name="pages" as="xs:string" select="'none'"/>

  <xsl:template match="comment() | processing-instruction()" mode="tk:inline"/>

  <!-- Editorial interventions -->
  <xsl:template match="tei:supplied" mode="tk:inline">
    <xsl:call-template name="tk:bracketed"><xsl:with-param name="open" select="'['"/><xsl:with-param name="close" select="']'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:unclear" mode="tk:inline">
    <xsl:choose>
      <xsl:when test="normalize-space(.)"><xsl:apply-templates mode="#current"/>(?)</xsl:when>
      <xsl:otherwise>[...]</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:gap" mode="tk:inline">
    <xsl:variable name="desc" select="normalize-space(string-join(tei:desc, ' '))"/>
    <xsl:text>[...{if ($desc) then ' ' || $desc else ''}]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:del" mode="tk:inline">
    <xsl:if test="normalize-space(.) or *">
      <xsl:call-template name="tk:bracketed"><xsl:with-param name="open" select="'⟦'"/><xsl:with-param name="close" select="'⟧'"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:add" mode="tk:inline">
    <xsl:call-template name="tk:bracketed"><xsl:with-param name="open" select="'\'"/><xsl:with-param name="close" select="'/'"/></xsl:call-template>
  </xsl:template>

  <!-- The content between brackets; space at its edges goes outside them: "\ text/" would
       read as a different word division than " \text/". -->
  <xsl:template name="tk:bracketed">
    <xsl:param name="open" as="xs:string"/>
    <xsl:param name="close" as="xs:string"/>
    <xsl:variable name="parts" as="xs:string*"><xsl:apply-templates mode="#current"/></xsl:variable>
    <xsl:variable name="content" select="string-join($parts, '')"/>
    <xsl:if test="matches($content, '^\s')"><xsl:text> </xsl:text></xsl:if>
    <xsl:value-of select="$open || normalize-space($content) || $close"/>
    <xsl:if test="matches($content, '\S\s+$')"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <!-- Parts of a name written without space between them (<forename>A</forename><surname>B</surname>). -->
  <xsl:template match="tei:forename | tei:surname | tei:roleName | tei:addName | tei:genName | tei:nameLink" mode="tk:inline">
    <xsl:if test="preceding-sibling::node()[1][self::tei:forename | self::tei:surname | self::tei:roleName | self::tei:addName | self::tei:genName | self::tei:nameLink]">
      <xsl:text> </xsl:text>
    </xsl:if>
    <xsl:apply-templates mode="#current"/>
  </xsl:template>

  <xsl:template match="tei:sic" mode="tk:inline"><xsl:apply-templates mode="#current"/> [sic]</xsl:template>

  <xsl:template match="tei:ex" mode="tk:inline">(<xsl:apply-templates mode="#current"/>)</xsl:template>

  <xsl:template match="tei:choice" mode="tk:inline">
    <xsl:apply-templates select="tk:choice-shown(.)" mode="#current"/>
    <xsl:apply-templates select="." mode="tk:marker"/>
  </xsl:template>

  <!-- Inside a shown choice, corr/reg/expan are just their content. -->
  <xsl:template match="tei:choice/tei:corr | tei:choice/tei:reg | tei:choice/tei:expan
                       | tei:choice/tei:sic | tei:choice/tei:orig | tei:choice/tei:abbr" mode="tk:inline">
    <xsl:apply-templates mode="#current"/>
  </xsl:template>

  <xsl:template match="tei:app" mode="tk:inline">
    <xsl:apply-templates select="tk:app-shown(.)/node()" mode="#current"/>
    <xsl:apply-templates select="." mode="tk:marker"/>
  </xsl:template>

  <!-- Quotations -->
  <xsl:template match="tei:q | tei:said | tei:quote | tei:soCalled" mode="tk:inline">
    <xsl:variable name="text" select="normalize-space(.)"/>
    <xsl:choose>
      <xsl:when test="@rend = ('none', 'inline-none') or matches($text, '^[&quot;“”„‘’‚«»‹›''&#x300C;]')">
        <xsl:apply-templates mode="#current"/>
      </xsl:when>
      <xsl:when test="@rend = 'single-quotes'">‘<xsl:apply-templates mode="#current"/>’</xsl:when>
      <xsl:otherwise>“<xsl:apply-templates mode="#current"/>”</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Breaks and milestones -->
  <xsl:template match="tei:lb | tei:cb" mode="tk:inline">
    <xsl:if test="not(@break = 'no')">
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:pb" mode="tk:inline">
    <xsl:choose>
      <xsl:when test="$pages = 'mark' and @n"> [p. {@n}] </xsl:when>
      <xsl:when test="not(@break = 'no')">
        <xsl:text> </xsl:text>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:space" mode="tk:inline">
    <xsl:text> </xsl:text>
  </xsl:template>

  <!-- Not part of the reading text: the source's running heads and page numbers,
       images, links without text, analytic markup. -->
  <xsl:template match="tei:fw | tei:graphic | tei:anchor | tei:milestone | tei:index
                       | tei:interp | tei:interpGrp | tei:link | tei:linkGrp | tei:witDetail
                       | tei:teiHeader | tei:facsimile | tei:standOff" mode="tk:inline"/>

  <xsl:template match="tei:ptr" mode="tk:inline">
    <xsl:variable name="external" select="tokenize(normalize-space(@target), ' ')[matches(., '^[a-z]+:')]"/>
    <xsl:if test="exists($external)">&lt;{string-join($external, '&gt; &lt;')}&gt;</xsl:if>
  </xsl:template>

  <!-- Notes inline: their marker; the text goes to the endnotes (notes.xsl). -->
  <xsl:template match="tei:note" mode="tk:inline">
    <xsl:apply-templates select="." mode="tk:marker"/>
  </xsl:template>

  <!-- Block elements met inside inline content (a note's paragraphs, verse quoted in
       a note, a list in a paragraph): kept apart by spaces, verse lines by " / ". -->
  <xsl:template match="tei:p | tei:ab | tei:head | tei:item | tei:lg | tei:list | tei:table
                       | tei:row | tei:sp | tei:speaker | tei:stage | tei:label | tei:figure
                       | tei:figDesc | tei:bibl[parent::tei:listBibl]" mode="tk:inline">
    <xsl:text> </xsl:text>
    <xsl:apply-templates mode="#current"/>
    <xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="tei:l" mode="tk:inline">
    <xsl:if test="preceding-sibling::tei:l"> / </xsl:if>
    <xsl:apply-templates mode="#current"/>
    <xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="tei:cell" mode="tk:inline">
    <xsl:if test="preceding-sibling::tei:cell"> | </xsl:if>
    <xsl:apply-templates mode="#current"/>
  </xsl:template>

  <!-- The content of nodes as one normalised string, in inline mode. -->
  <xsl:function name="tk:inline-text" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:apply-templates select="$nodes" mode="tk:inline"/>
    </xsl:variable>
    <xsl:sequence select="normalize-space(string-join($parts, ''))"/>
  </xsl:function>

</xsl:stylesheet>
