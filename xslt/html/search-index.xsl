<?xml version="1.0" encoding="UTF-8"?>
<!--
  The search index, built with the site: a script that sets window.teikitSearchIndex to
  every document (title, date, people, words) and every register entry (names,
  description). A script file rather than JSON, so the search works from file:// too,
  where browsers refuse to fetch JSON.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:teikit:edition"
    xmlns:h="https://teikit.dev/ns/html"
    xmlns:tk="https://teikit.dev/ns"
    exclude-result-prefixes="#all">

  <xsl:template name="h:search-index">
    <xsl:param name="documents" as="element(ed:document)*"/>
    <xsl:variable name="index" select="map {
        'documents': array { $documents ! h:search-document(.) },
        'entries': array { ('person', 'place', 'org') ! tk:register-entries(.) ! h:search-entry(.) }
      }"/>
    <xsl:value-of select="'window.teikitSearchIndex = ' || serialize($index, map {'method': 'json', 'escape-solidus': false()}) || ';&#10;'"/>
  </xsl:template>

  <xsl:function name="h:search-document" as="map(*)">
    <xsl:param name="document" as="element(ed:document)"/>
    <xsl:variable name="tei" select="$document/tei:TEI"/>
    <xsl:sequence select="map {
        'title': tk:title($tei),
        'url': string($document/@page),
        'date': h:date-text(h:main-date($tei)),
        'people': string-join((h:names-text(tk:author-names($tei)), h:names-text(tk:recipient-names($tei)))[.], ' → '),
        'text': normalize-space(string-join($tei/tei:text//text()[h:is-shown(..)], ''))
      }"/>
  </xsl:function>

  <xsl:function name="h:search-entry" as="map(*)">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="map {
        'name': tk:preferred-name($entry),
        'variants': array { $entry/(tei:persName | tei:placeName | tei:orgName) ! normalize-space() },
        'kind': map {'person': 'Person', 'place': 'Place', 'org': 'Organisation'}(local-name($entry)),
        'url': h:entry-page($entry) || '#' || $entry/@xml:id,
        'description': h:short-description($entry)
      }"/>
  </xsl:function>
</xsl:stylesheet>
