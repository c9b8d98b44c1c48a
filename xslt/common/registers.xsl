<?xml version="1.0" encoding="UTF-8"?>
<!--
  teikit common module: the edition's registers of persons, places and organisations.

  The registers are tei/registers/persons.xml (listPerson/person), places.xml
  (listPlace/place) and orgs.xml (listOrg/org); a mention in a document points to an
  entry with @ref="#id" (see the project's register convention).

  Stylesheet parameter `registers` (no namespace): a document node, or absent.
    - a document node: what teikit passes. teikit parses the three files safely
      (teikit.xmlio) and hands them over as one document, <tk:registers> holding the
      three TEI elements; see teikit.writers.render.registers_document().
    - absent: no registers; every lookup returns the empty sequence.
  The stylesheets never read a file themselves (no doc() of a URI given from outside):
  a string is not accepted, and `teikit render` refuses a user parameter of this name.

  Functions (stable signatures):
  tk:has-registers() as xs:boolean
      Whether any register entries are available.
  tk:entry-id($ref as xs:string?) as xs:string?
      The entry id a @ref points to: "#stalin" and "persons.xml#stalin" give "stalin";
      of several space-separated pointers, the first.
  tk:register-entry($ref as xs:string?) as element()?
      The person/place/org entry for a @ref (first pointer), or empty.
  tk:register-entries-for($ref as xs:string?) as element()*
      The entries for every pointer in a @ref ("#a #b").
  tk:register-entries($kind as xs:string) as element()*
      All entries of a kind: 'person', 'place' or 'org', in register order.
  tk:entry-kind($entry as element()?) as xs:string?
      'person', 'place' or 'org'.
  tk:preferred-name($entry as element()?) as xs:string?
      persName/placeName/orgName[@type='preferred'], else the first name; normalised.
  tk:variant-names($entry as element()?) as xs:string*
      The entry's other names (variant, pseudonym, birth name ...).
  tk:short-note($entry as element()?) as xs:string?
      The first note: the short description used for tooltips.
  tk:lifespan($entry as element()?) as xs:string?
      "1879–1953" from birth/@when and death/@when (either may be missing: "1879–", "–1953").
  tk:authority-uris($entry as element()?) as xs:string*
      The entry's idno[@type = gnd|viaf|geonames|wikidata] as URIs, in that order:
      https://d-nb.info/gnd/N, https://viaf.org/viaf/N, https://www.geonames.org/N,
      http://www.wikidata.org/entity/QN; an idno that already is a URI is kept as it is.
  tk:authority-uri($entry as element()?) as xs:string?
      The first of those (what CMIF puts in @ref).
  tk:display-name($name as element()) as xs:string?
      For a persName/placeName/orgName/rs: the register's preferred name when its @ref
      resolves, else the name's own text.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.dev/ns"
    exclude-result-prefixes="#all">

  <xsl:param name="registers" as="document-node()?" select="()"/>

  <!-- The root node to search: the document teikit passed (none: no registers). -->
  <xsl:variable name="tk:register-roots" as="document-node()?" select="$registers"/>

  <xsl:key name="tk:register-entry" match="tei:person[@xml:id] | tei:place[@xml:id] | tei:org[@xml:id]" use="@xml:id"/>

  <xsl:function name="tk:has-registers" as="xs:boolean">
    <xsl:sequence select="exists($tk:register-roots//(tei:person | tei:place | tei:org))"/>
  </xsl:function>

  <xsl:function name="tk:entry-id" as="xs:string?">
    <xsl:param name="ref" as="xs:string?"/>
    <xsl:variable name="first" select="tokenize(normalize-space($ref), ' ')[1]"/>
    <xsl:variable name="id" select="if (contains($first, '#')) then substring-after($first, '#') else $first"/>
    <xsl:sequence select="if ($id) then $id else ()"/>
  </xsl:function>

  <xsl:function name="tk:register-entry" as="element()?">
    <xsl:param name="ref" as="xs:string?"/>
    <xsl:variable name="id" select="tk:entry-id($ref)"/>
    <xsl:sequence select="if ($id) then ($tk:register-roots ! key('tk:register-entry', $id, .))[1] else ()"/>
  </xsl:function>

  <xsl:function name="tk:register-entries-for" as="element()*">
    <xsl:param name="ref" as="xs:string?"/>
    <xsl:sequence select="tokenize(normalize-space($ref), ' ') ! tk:register-entry(.)"/>
  </xsl:function>

  <xsl:function name="tk:register-entries" as="element()*">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="$tk:register-roots//*[namespace-uri() eq 'http://www.tei-c.org/ns/1.0' and local-name() eq $kind][@xml:id]"/>
  </xsl:function>

  <xsl:function name="tk:entry-kind" as="xs:string?">
    <xsl:param name="entry" as="element()?"/>
    <xsl:sequence select="$entry[self::tei:person | self::tei:place | self::tei:org]/local-name()"/>
  </xsl:function>

  <xsl:function name="tk:entry-names" as="element()*">
    <xsl:param name="entry" as="element()?"/>
    <xsl:sequence select="$entry/(tei:persName | tei:placeName | tei:orgName | tei:name)"/>
  </xsl:function>

  <xsl:function name="tk:preferred-name" as="xs:string?">
    <xsl:param name="entry" as="element()?"/>
    <xsl:variable name="names" select="tk:entry-names($entry)"/>
    <xsl:sequence select="($names[@type = 'preferred'], $names)[normalize-space()][1]/normalize-space()"/>
  </xsl:function>

  <xsl:function name="tk:variant-names" as="xs:string*">
    <xsl:param name="entry" as="element()?"/>
    <xsl:variable name="names" select="tk:entry-names($entry)"/>
    <xsl:variable name="preferred" select="($names[@type = 'preferred'], $names)[normalize-space()][1]"/>
    <xsl:sequence select="($names except $preferred)[normalize-space()] ! normalize-space()"/>
  </xsl:function>

  <xsl:function name="tk:short-note" as="xs:string?">
    <xsl:param name="entry" as="element()?"/>
    <xsl:sequence select="$entry/tei:note[normalize-space()][1]/normalize-space()"/>
  </xsl:function>

  <xsl:function name="tk:lifespan" as="xs:string?">
    <xsl:param name="entry" as="element()?"/>
    <xsl:variable name="born" select="substring(($entry/tei:birth/(@when, @notBefore, @notAfter))[1], 1, 4)"/>
    <xsl:variable name="died" select="substring(($entry/tei:death/(@when, @notBefore, @notAfter))[1], 1, 4)"/>
    <xsl:sequence select="if ($born or $died) then $born || '–' || $died else ()"/>
  </xsl:function>

  <xsl:function name="tk:authority-uris" as="xs:string*">
    <xsl:param name="entry" as="element()?"/>
    <xsl:for-each select="('gnd', 'viaf', 'geonames', 'wikidata')">
      <xsl:variable name="type" select="."/>
      <xsl:for-each select="$entry/tei:idno[@type = $type][normalize-space()]">
        <xsl:variable name="id" select="normalize-space(.)"/>
        <xsl:sequence select="
            if (matches($id, '^https?://')) then $id
            else if ($type eq 'gnd') then 'https://d-nb.info/gnd/' || $id
            else if ($type eq 'viaf') then 'https://viaf.org/viaf/' || $id
            else if ($type eq 'geonames') then 'https://www.geonames.org/' || $id
            else 'http://www.wikidata.org/entity/' || $id"/>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:function>

  <xsl:function name="tk:authority-uri" as="xs:string?">
    <xsl:param name="entry" as="element()?"/>
    <xsl:sequence select="tk:authority-uris($entry)[1]"/>
  </xsl:function>

  <xsl:function name="tk:display-name" as="xs:string?">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="own" select="normalize-space(string-join($name//text()[not(ancestor::tei:note)], ''))"/>
    <xsl:sequence select="(tk:preferred-name(tk:register-entry($name/@ref)), $own[.])[1]"/>
  </xsl:function>

</xsl:stylesheet>
