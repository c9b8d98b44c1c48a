<?xml version="1.0" encoding="UTF-8"?>
<!--
  Notes. A note inside the running text becomes a numbered marker linking to the note at
  the foot of the page, and the note links back; the marker's title carries the note's
  text, which edition.js shows as a popup on hover or keyboard focus. A note standing
  between paragraphs (an editor's comment on a passage) stays where it is, set apart.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:h="https://teikit.dev/ns/html"
    xmlns:tk="https://teikit.dev/ns"
    exclude-result-prefixes="#all">

  <!-- A note inside running text (not a block of its own between paragraphs). -->
  <xsl:function name="h:is-footnote" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="$note/self::tei:note and exists($note/ancestor::tei:text) and not(h:in-block-context($note))
        and not($note/ancestor::tei:rdg)"/>
  </xsl:function>

  <xsl:function name="h:footnote-number" as="xs:integer">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="count($note/preceding::tei:note[h:is-footnote(.)]) + count($note/ancestor::tei:note[h:is-footnote(.)]) + 1"/>
  </xsl:function>

  <xsl:function name="h:footnote-id" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="($note/@xml:id, 'tk-fn-' || h:footnote-number($note))[1]"/>
  </xsl:function>

  <!-- The marker shows the note's own number when it has one, else the running count. -->
  <xsl:function name="h:footnote-label" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="(normalize-space($note/@n)[.], string(h:footnote-number($note)))[1]"/>
  </xsl:function>

  <xsl:function name="h:note-text" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="normalize-space(string-join($note//text()[not(ancestor::tei:note[. >> $note])], ''))"/>
  </xsl:function>

  <xsl:template match="tei:note[h:is-footnote(.)]">
    <xsl:variable name="n" select="h:footnote-number(.)"/>
    <a class="noteref" href="#{h:footnote-id(.)}" id="tk-fnref-{$n}" role="doc-noteref"
        title="{h:note-text(.)}" aria-label="Note {h:footnote-label(.)}"><sup><xsl:value-of select="h:footnote-label(.)"/></sup></a>
  </xsl:template>

  <!-- A note between paragraphs: in place, marked as the editor's. -->
  <xsl:template match="tei:note">
    <aside>
      <xsl:call-template name="h:attributes"><xsl:with-param name="class" select="'note-block'"/></xsl:call-template>
      <xsl:if test="@n"><span class="note-n"><xsl:value-of select="@n"/>. </span></xsl:if>
      <xsl:apply-templates/>
    </aside>
  </xsl:template>

  <!-- A division of notes only (endnotes printed after the text): a numbered list. -->
  <xsl:template match="tei:div[tei:note][empty(* except (tei:note | tei:head))]" priority="2">
    <section>
      <xsl:call-template name="h:attributes"><xsl:with-param name="class" select="('div', 'endnotes')"/></xsl:call-template>
      <xsl:choose>
        <xsl:when test="tei:head"><xsl:apply-templates select="tei:head"/></xsl:when>
        <xsl:otherwise>
          <xsl:element name="h{min((count(ancestor::tei:div) + 2, 6))}">Endnotes</xsl:element>
        </xsl:otherwise>
      </xsl:choose>
      <ol>
        <xsl:for-each select="tei:note">
          <li>
            <xsl:call-template name="h:attributes"><xsl:with-param name="class" select="'endnote'"/></xsl:call-template>
            <xsl:if test="@n castable as xs:integer"><xsl:attribute name="value" select="@n"/></xsl:if>
            <span class="footnote-label"><xsl:value-of select="(@n, position())[1]"/></span>
            <div class="footnote-body"><xsl:apply-templates/></div>
          </li>
        </xsl:for-each>
      </ol>
    </section>
  </xsl:template>

  <xsl:template match="tei:note/tei:label[1][not(preceding-sibling::node()[normalize-space()])]">
    <span class="note-label"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- The notes at the foot of the page, each with a link back to its marker. -->
  <xsl:template name="h:footnotes">
    <xsl:param name="notes" as="element()*"/>
    <xsl:if test="$notes">
      <section class="footnotes" aria-labelledby="tk-notes-heading" role="doc-endnotes">
        <h2 id="tk-notes-heading">Notes</h2>
        <ol>
          <xsl:for-each select="$notes">
            <xsl:variable name="n" select="h:footnote-number(.)"/>
            <li id="{h:footnote-id(.)}" value="{$n}">
              <xsl:attribute name="class" select="string-join(('footnote', @type ! ('type-' || replace(., '\W', '-'))), ' ')"/>
              <xsl:for-each select="@xml:lang ! h:html-lang(.)"><xsl:attribute name="lang" select="."/></xsl:for-each>
              <span class="footnote-label"><xsl:value-of select="h:footnote-label(.)"/></span>
              <div class="footnote-body"><xsl:apply-templates/></div>
              <a class="backref" href="#tk-fnref-{$n}" aria-label="Back to the text of note {h:footnote-label(.)}">↩</a>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
