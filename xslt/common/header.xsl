<?xml version="1.0" encoding="UTF-8"?>
<!--
  teikit common module: what a document is, read from its teiHeader.

  correspDesc comes first (it is the edition's structured account of a letter); the
  titleStmt and profileDesc/creation are the fall-backs, so TEI from other projects
  (no correspDesc) gets a sensible header too. Every function takes the TEI element
  (pass `/tei:TEI` or `ancestor-or-self::tei:TEI`); signatures are stable.

  tk:title($tei) as xs:string
      titleStmt/title[@type='main'], else the first titleStmt/title, else the first
      head of the body, else "Untitled"; normalised text.
  tk:author-names($tei) as element()*
      The name elements of the senders (correspAction[@type='sent']/persName|orgName),
      else titleStmt/author (its persName/orgName/name when it has one, else the author
      itself). Elements, so a writer can follow their @ref into the registers.
  tk:author($tei) as xs:string?
      Those names said as a list: "A", "A and B", "A, B and C".
  tk:recipient-names($tei) as element()*
      correspAction[@type='received']/(persName|orgName).
  tk:recipient($tei) as xs:string?
      Those names as a list, as tk:author.
  tk:date($tei) as element()?
      The document's dating element: correspAction[@type='sent']/date, else
      profileDesc/creation/date, else the first dateline date of the text.
  tk:place-names($tei) as element()*
      Where it was written: correspAction[@type='sent']/placeName, else
      creation/placeName.
  tk:place($tei) as xs:string?
      Those places as a list.
  tk:destination($tei) as xs:string?
      correspAction[@type='received']/placeName as a list (where a letter was sent to).
  tk:doc-type($tei) as xs:string?
      textClass/keywords/term[@type='document-type'] ("letter", "telegram", "diary-entry",
      "article", ...), else the type of the body's first div.
  tk:lang($tei) as xs:string
      @xml:lang of text, else of the TEI element, else langUsage/language/@ident, else "en".
  tk:sort-key($tei) as xs:string
      Chronological sort key (tk:date-sort-key of tk:date), then the title.
  tk:sources($tei) as element()*
      sourceDesc/bibl (print source, first publication, web source, in document order).
  tk:archival-reference($tei) as xs:string?
      The msIdentifier said in one line: "RTSKHIDNI, F. 85. Op. 1/S., D. 171. L. 1."
      (settlement, institution, repository, collection, idno, altIdentifier/idno).
  tk:translators($tei) as xs:string*
      Names in titleStmt/respStmt whose resp mentions translation.
  tk:licence($tei) as xs:string?
      publicationStmt/availability/licence (or its p), normalised text.
  tk:name-list($names as xs:string*) as xs:string?
      "A", "A and B", "A, B and C"; empty for no names.
  tk:name-text($name as element()?) as xs:string?
      A name element's text, normalised, without notes inside it; parts written without
      space between them (<forename>A</forename><surname>B</surname>) get one.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.dev/ns"
    exclude-result-prefixes="#all">

  <!-- tk:sort-key uses tk:date-sort-key -->
  <xsl:import href="dates.xsl"/>

  <xsl:function name="tk:name-text" as="xs:string?">
    <xsl:param name="name" as="element()?"/>
    <xsl:variable name="text" select="normalize-space(string-join(
        for $t in $name//text()[not(ancestor::tei:note)]
        return (if (some $part in ($t/ancestor::* intersect $name//*)
                    satisfies ($part/preceding-sibling::node()[1][self::*] and ($part//text())[1] is $t))
                then ' ' else '') || $t, ''))"/>
    <xsl:sequence select="if ($text) then $text else ()"/>
  </xsl:function>

  <xsl:function name="tk:name-list" as="xs:string?">
    <xsl:param name="names" as="xs:string*"/>
    <xsl:variable name="n" select="$names[normalize-space()]"/>
    <xsl:sequence select="
        if (empty($n)) then ()
        else if (count($n) eq 1) then $n
        else string-join($n[position() lt last()], ', ') || ' and ' || $n[last()]"/>
  </xsl:function>

  <xsl:function name="tk:title" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="stmt" select="$tei/tei:teiHeader/tei:fileDesc/tei:titleStmt"/>
    <xsl:variable name="title" select="($stmt/tei:title[@type = 'main'], $stmt/tei:title, $tei/tei:text/tei:body/(tei:head, tei:div/tei:head))[normalize-space()][1]"/>
    <xsl:sequence select="(tk:name-text($title), 'Untitled')[1]"/>
  </xsl:function>

  <xsl:function name="tk:author-names" as="element()*">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="sent" select="$tei/tei:teiHeader/tei:profileDesc/tei:correspDesc/tei:correspAction[@type = 'sent']/(tei:persName | tei:orgName | tei:name)"/>
    <xsl:variable name="authors" select="$tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:author"/>
    <xsl:sequence select="
        if (exists($sent)) then $sent
        else for $a in $authors return (($a/(tei:persName | tei:orgName | tei:name))[1], $a)[1]"/>
  </xsl:function>

  <xsl:function name="tk:author" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="tk:name-list(tk:author-names($tei) ! tk:name-text(.))"/>
  </xsl:function>

  <xsl:function name="tk:recipient-names" as="element()*">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="$tei/tei:teiHeader/tei:profileDesc/tei:correspDesc/tei:correspAction[@type = 'received']/(tei:persName | tei:orgName | tei:name)"/>
  </xsl:function>

  <xsl:function name="tk:recipient" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="tk:name-list(tk:recipient-names($tei) ! tk:name-text(.))"/>
  </xsl:function>

  <xsl:function name="tk:date" as="element()?">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="profile" select="$tei/tei:teiHeader/tei:profileDesc"/>
    <xsl:sequence select="(
        $profile/tei:correspDesc/tei:correspAction[@type = 'sent']/tei:date,
        $profile/tei:creation/tei:date,
        ($tei/tei:text//tei:dateline//tei:date)[1]
      )[1]"/>
  </xsl:function>

  <xsl:function name="tk:place-names" as="element()*">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="profile" select="$tei/tei:teiHeader/tei:profileDesc"/>
    <xsl:variable name="sent" select="$profile/tei:correspDesc/tei:correspAction[@type = 'sent']/tei:placeName"/>
    <xsl:sequence select="if (exists($sent)) then $sent else $profile/tei:creation/tei:placeName"/>
  </xsl:function>

  <xsl:function name="tk:place" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="tk:name-list(tk:place-names($tei) ! tk:name-text(.))"/>
  </xsl:function>

  <xsl:function name="tk:destination" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="tk:name-list($tei/tei:teiHeader/tei:profileDesc/tei:correspDesc/tei:correspAction[@type = 'received']/tei:placeName ! tk:name-text(.))"/>
  </xsl:function>

  <xsl:function name="tk:doc-type" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="(
        $tei/tei:teiHeader/tei:profileDesc/tei:textClass/tei:keywords/tei:term[@type = 'document-type'],
        $tei/tei:text/tei:body/tei:div[1]/@type
      )[normalize-space()][1]/normalize-space()"/>
  </xsl:function>

  <xsl:function name="tk:lang" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="normalize-space((
        $tei/tei:text/@xml:lang, $tei/@xml:lang,
        $tei/tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language/@ident, 'en'
      )[normalize-space()][1])"/>
  </xsl:function>

  <xsl:function name="tk:sort-key" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="tk:date-sort-key(tk:date($tei)) || ' ' || tk:title($tei)"/>
  </xsl:function>

  <xsl:function name="tk:sources" as="element()*">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="$tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl"/>
  </xsl:function>

  <xsl:function name="tk:archival-reference" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="id" select="($tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc//tei:msDesc/tei:msIdentifier)[1]"/>
    <xsl:variable name="parts" select="$id/(tei:settlement, tei:institution, tei:repository, tei:collection, tei:idno, tei:altIdentifier/tei:idno) ! normalize-space()"/>
    <xsl:sequence select="if (exists($parts[.])) then string-join($parts[.], ', ') else ()"/>
  </xsl:function>

  <xsl:function name="tk:translators" as="xs:string*">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="$tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:respStmt
        [tei:resp[matches(., 'transl', 'i')]]/(tei:persName | tei:name | tei:orgName) ! tk:name-text(.)"/>
  </xsl:function>

  <xsl:function name="tk:licence" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="availability" select="$tei/tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:availability"/>
    <xsl:sequence select="($availability/tei:licence, $availability/tei:p)[normalize-space()][1]/normalize-space()"/>
  </xsl:function>

</xsl:stylesheet>
