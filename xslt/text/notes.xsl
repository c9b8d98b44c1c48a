<?xml version="1.0" encoding="UTF-8"?>
<!--
  Plain text, notes: every note in the running text, every apparatus entry with
  readings besides the one shown, and every choice whose original is not shown becomes a
  numbered endnote. Its marker [n] stands where the note stood; the notes follow the text
  under "Notes", in the order of their markers.

    note            its text
    app             lemma (or first reading) sigla] reading sigla; reading sigla
                    (an empty reading: "om.")
    choice          shown] sic: original / orig: original / abbr: abbreviation

  Parameter notes: "endnotes" (default) or "none" (no markers, no notes).
  Notes that stand between blocks (in a div, in back) are not markers: blocks.xsl prints
  them where they are.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.dev/ns"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:param name="notes" as="xs:string" select="'endnotes'"/>

  <xsl:variable name="tk:block-context" as="xs:string+"
      select="('div', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7', 'body', 'front',
               'back', 'text', 'group', 'listNote', 'listApp')"/>

  <!-- A note or apparatus entry standing between blocks rather than inside running text. -->
  <xsl:function name="tk:stands-alone" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="local-name($e/..) = $tk:block-context"/>
  </xsl:function>

  <!-- What a choice shows: the correction, regularisation or expansion. -->
  <xsl:function name="tk:choice-shown" as="element()?">
    <xsl:param name="choice" as="element()"/>
    <xsl:sequence select="($choice/tei:corr, $choice/tei:reg, $choice/tei:expan, $choice/*)[1]"/>
  </xsl:function>

  <!-- What an apparatus entry shows in the text: the lemma, else the first reading. -->
  <xsl:function name="tk:app-shown" as="element()?">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="($app/tei:lem, $app/tei:rdg, $app/tei:rdgGrp/tei:rdg)[1]"/>
  </xsl:function>

  <xsl:function name="tk:app-readings" as="element()*">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="($app/tei:rdg | $app/tei:rdgGrp//tei:rdg) except tk:app-shown($app)"/>
  </xsl:function>

  <!-- The originals of a choice that its shown form does not show. -->
  <xsl:function name="tk:choice-originals" as="element()*">
    <xsl:param name="choice" as="element()"/>
    <xsl:variable name="shown" select="tk:choice-shown($choice)"/>
    <xsl:sequence select="($choice/tei:sic, $choice/tei:orig,
        $choice/tei:abbr[not($shown/self::tei:expan//tei:ex)])[normalize-space(.) ne normalize-space($shown)]"/>
  </xsl:function>

  <xsl:function name="tk:makes-note" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="
        if ($e/self::tei:note) then not(tk:stands-alone($e))
        else if ($e/self::tei:app) then exists(tk:app-readings($e))
        else if ($e/self::tei:choice) then exists(tk:choice-originals($e))
        else false()"/>
  </xsl:function>

  <xsl:variable name="tk:note-holders" as="element()*"
      select="if ($notes = 'none') then ()
              else //tei:text//(tei:note | tei:app | tei:choice)[tk:makes-note(.)]"/>

  <!-- Notes are numbered from 1 in each TEI document (of a teiCorpus too). -->
  <xsl:function name="tk:note-number" as="xs:integer?">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="tei" select="$e/ancestor::tei:TEI[1]"/>
    <xsl:sequence select="if ($e intersect $tk:note-holders)
        then count($tk:note-holders[. &lt;&lt; $e][ancestor::tei:TEI[1] is $tei]) + 1 else ()"/>
  </xsl:function>

  <!-- The marker where the note stood. -->
  <xsl:mode name="tk:marker" on-no-match="shallow-skip"/>
  <xsl:template match="tei:note | tei:app | tei:choice" mode="tk:marker">
    <xsl:variable name="n" select="tk:note-number(.)"/>
    <xsl:if test="exists($n)">[{$n}]</xsl:if>
  </xsl:template>

  <!-- Witness sigla: "#A #B" as "A B". -->
  <xsl:function name="tk:sigla" as="xs:string?">
    <xsl:param name="reading" as="element()?"/>
    <xsl:variable name="wit" select="string-join(tokenize(normalize-space($reading/@wit), ' ') ! replace(., '^.*#', ''), ' ')"/>
    <xsl:sequence select="if ($wit) then $wit else ()"/>
  </xsl:function>

  <xsl:function name="tk:reading-text" as="xs:string">
    <xsl:param name="reading" as="element()?"/>
    <xsl:variable name="text" select="tk:inline-text($reading/node())"/>
    <xsl:sequence select="string-join((if ($text) then $text else 'om.', tk:sigla($reading)), ' ')"/>
  </xsl:function>

  <!-- The text of the endnote for a note holder (mode tk:note-text). -->
  <xsl:mode name="tk:note-text" on-no-match="shallow-skip"/>

  <xsl:template match="tei:note" mode="tk:note-text">
    <xsl:sequence select="tk:inline-text(node())"/>
  </xsl:template>

  <xsl:template match="tei:app" mode="tk:note-text">
    <xsl:sequence select="tk:reading-text(tk:app-shown(.)) || '] '
                          || string-join(tk:app-readings(.) ! tk:reading-text(.), '; ')"/>
  </xsl:template>

  <xsl:template match="tei:choice" mode="tk:note-text">
    <xsl:sequence select="tk:inline-text(tk:choice-shown(.)/node()) || '] '
                          || string-join(tk:choice-originals(.) ! (local-name() || ': ' || tk:inline-text(node())), '; ')"/>
  </xsl:template>

  <!-- The endnotes of one TEI document as blocks (see layout.xsl), after a heading. -->
  <xsl:template name="tk:endnotes" as="element()*">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="holders" select="$tk:note-holders[ancestor::tei:TEI[1] is $tei]"/>
    <xsl:if test="exists($holders)">
      <tk:b kind="notes-head">Notes</tk:b>
      <xsl:for-each select="$holders">
        <xsl:variable name="text" as="xs:string"><xsl:apply-templates select="." mode="tk:note-text"/></xsl:variable>
        <tk:b kind="note" join="endnotes" prefix="[{position()}] ">{$text}</tk:b>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
