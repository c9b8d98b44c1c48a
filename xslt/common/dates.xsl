<?xml version="1.0" encoding="UTF-8"?>
<!--
  teikit common module: dates, readable (English) and machine-readable.

  Import it (or xslt/common/all.xsl) from any writer. Functions, all in the tk namespace
  (xmlns:tk="https://teikit.dev/ns"); their signatures are stable, writers rely on them.

  tk:readable-date($date as element()?) as xs:string?
      A TEI dating element (date, or anything with @when/@notBefore/@notAfter/@from/@to,
      e.g. birth, death) said in English:
        @when="1918-06-02"                         "2 June 1918"
        @when="1916-06"                            "June 1916"
        @notBefore="1916-06-17" @notAfter="1916-06-25"   "between 17 and 25 June 1916"
        @from="1916-06-17" @to="1916-07-02"         "from 17 June to 2 July 1916"
        @notBefore only                            "not before 17 June 1916"
        @notAfter only                             "not after 17 June 1916"
        @from only / @to only                      "from 17 June 1916" / "until 17 June 1916"
      @calendar="#julian" adds " (Old Style)". Without dating attributes: the element's
      normalised text; for an empty sequence or nothing usable: the empty sequence.

  tk:readable-iso($iso as xs:string) as xs:string
      One ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD, optionally with a time, which is
      dropped) in English: "2 June 1918", "June 1916", "1916". Anything else unchanged.

  tk:iso-date($date as element()?) as xs:string?
      The machine-readable date: @when, or an ISO 8601 interval "start/end" from
      @notBefore/@notAfter or @from/@to ("1916-06-17/1916-06-25"; an open end is "..",
      as in "1916-06-17/.."). Empty when the element has no dating attribute.

  tk:date-sort-key($date as element()?) as xs:string
      A string that sorts chronologically: the earliest of @when, @from, @notBefore,
      then @to, @notAfter; "9999" when there is no date (undated documents sort last).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="https://teikit.dev/ns"
    exclude-result-prefixes="#all">

  <xsl:variable name="tk:month-names" as="xs:string+"
      select="('January', 'February', 'March', 'April', 'May', 'June', 'July',
               'August', 'September', 'October', 'November', 'December')"/>

  <!-- ISO date parts: (year, month?, day?) as strings; empty when not an ISO date. -->
  <xsl:function name="tk:iso-parts" as="xs:string*">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:variable name="date" select="replace(normalize-space($iso), 'T.*$', '')"/>
    <xsl:if test="matches($date, '^-?\d{4}(-\d{2}(-\d{2})?)?$')">
      <xsl:variable name="negative" select="starts-with($date, '-')"/>
      <xsl:variable name="parts" select="tokenize(if ($negative) then substring($date, 2) else $date, '-')"/>
      <xsl:sequence select="(if ($negative) then '-' || $parts[1] else $parts[1]), $parts[position() gt 1]"/>
    </xsl:if>
  </xsl:function>

  <!-- A year as readers write it: no leading zeros; negative years as "N BCE". -->
  <xsl:function name="tk:readable-year" as="xs:string">
    <xsl:param name="year" as="xs:string"/>
    <xsl:sequence select="if (starts-with($year, '-'))
                          then string(xs:integer(substring($year, 2))) || ' BCE'
                          else string(xs:integer($year))"/>
  </xsl:function>

  <xsl:function name="tk:readable-iso" as="xs:string">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:variable name="p" select="tk:iso-parts($iso)"/>
    <xsl:variable name="month" select="if (count($p) ge 2) then xs:integer($p[2]) else 0"/>
    <xsl:sequence select="
        if (empty($p) or $month gt 12) then normalize-space($iso)
        else string-join((
          if (count($p) eq 3) then string(xs:integer($p[3])) else (),
          if ($month ge 1) then $tk:month-names[$month] else (),
          tk:readable-year($p[1])), ' ')"/>
  </xsl:function>

  <!-- Two ISO dates as a pair, sharing month and year where they agree:
       ("17", "25 June 1916"), ("30 May", "2 June 1916"), ("30 December 1915", "2 January 1916"). -->
  <xsl:function name="tk:readable-pair" as="xs:string+">
    <xsl:param name="start" as="xs:string"/>
    <xsl:param name="end" as="xs:string"/>
    <xsl:variable name="a" select="tk:iso-parts($start)"/>
    <xsl:variable name="b" select="tk:iso-parts($end)"/>
    <xsl:variable name="full-a" select="tk:readable-iso($start)"/>
    <xsl:variable name="full-b" select="tk:readable-iso($end)"/>
    <xsl:choose>
      <xsl:when test="count($a) eq 3 and count($b) eq 3 and $a[1] eq $b[1] and $a[2] eq $b[2]">
        <xsl:sequence select="string(xs:integer($a[3])), $full-b"/>
      </xsl:when>
      <xsl:when test="count($a) eq count($b) and count($a) ge 2 and $a[1] eq $b[1]">
        <xsl:sequence select="substring-before($full-a, ' ' || tk:readable-year($a[1])), $full-b"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="$full-a, $full-b"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="tk:readable-date" as="xs:string?">
    <xsl:param name="date" as="element()?"/>
    <xsl:variable name="when" select="($date/@when, $date/@when-iso)[1]/string()"/>
    <xsl:variable name="from" select="($date/@from, $date/@from-iso)[1]/string()"/>
    <xsl:variable name="to" select="($date/@to, $date/@to-iso)[1]/string()"/>
    <xsl:variable name="nb" select="($date/@notBefore, $date/@notBefore-iso)[1]/string()"/>
    <xsl:variable name="na" select="($date/@notAfter, $date/@notAfter-iso)[1]/string()"/>
    <xsl:variable name="said" as="xs:string?">
      <xsl:choose>
        <xsl:when test="$when">
          <xsl:sequence select="tk:readable-iso($when)"/>
        </xsl:when>
        <xsl:when test="$from and $to">
          <xsl:variable name="pair" select="tk:readable-pair($from, $to)"/>
          <xsl:sequence select="'from ' || $pair[1] || ' to ' || $pair[2]"/>
        </xsl:when>
        <xsl:when test="$nb and $na">
          <xsl:variable name="pair" select="tk:readable-pair($nb, $na)"/>
          <xsl:sequence select="'between ' || $pair[1] || ' and ' || $pair[2]"/>
        </xsl:when>
        <xsl:when test="$from">
          <xsl:sequence select="'from ' || tk:readable-iso($from)"/>
        </xsl:when>
        <xsl:when test="$to">
          <xsl:sequence select="'until ' || tk:readable-iso($to)"/>
        </xsl:when>
        <xsl:when test="$nb">
          <xsl:sequence select="'not before ' || tk:readable-iso($nb)"/>
        </xsl:when>
        <xsl:when test="$na">
          <xsl:sequence select="'not after ' || tk:readable-iso($na)"/>
        </xsl:when>
        <xsl:when test="normalize-space(string($date))">
          <xsl:sequence select="normalize-space(string($date))"/>
        </xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:sequence select="
        if (exists($said) and ($date/@when, $date/@from, $date/@to, $date/@notBefore, $date/@notAfter)
            and $date/@calendar = '#julian')
        then $said || ' (Old Style)' else $said"/>
  </xsl:function>

  <xsl:function name="tk:iso-date" as="xs:string?">
    <xsl:param name="date" as="element()?"/>
    <xsl:variable name="start" select="($date/@from, $date/@notBefore)[1]/string()"/>
    <xsl:variable name="end" select="($date/@to, $date/@notAfter)[1]/string()"/>
    <xsl:sequence select="
        if ($date/@when) then string($date/@when)
        else if ($start or $end) then (($start, '..')[1]) || '/' || (($end, '..')[1])
        else ()"/>
  </xsl:function>

  <xsl:function name="tk:date-sort-key" as="xs:string">
    <xsl:param name="date" as="element()?"/>
    <xsl:sequence select="(($date/@when, $date/@from, $date/@notBefore, $date/@to, $date/@notAfter)[normalize-space()][1]/normalize-space(), '9999')[1]"/>
  </xsl:function>

</xsl:stylesheet>
