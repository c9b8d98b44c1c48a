<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the HTML pages need to know beyond xslt/common/ (tk:title, tk:author-names,
  tk:readable-date, tk:register-entry ... which they use as they are): where an entry's
  index page is, which names are mentions with anchors, a document's date with the
  fall-backs TEI from other projects needs, dates as HTML time values. Everything
  tolerates TEI that teikit did not write: a missing part gives an empty result.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:teikit:edition"
    xmlns:h="https://teikit.dev/ns/html"
    xmlns:tk="https://teikit.dev/ns"
    exclude-result-prefixes="#all">

  <!-- Mentions that the indexes list, by the register ids they point to. -->
  <xsl:key name="h:mentions" match="tei:*[@ref][h:is-mention(.)]" use="h:local-refs(.)"/>

  <!-- The ids of register entries an element points to ("#stalin #molotov" -> stalin, molotov). -->
  <xsl:function name="h:local-refs" as="xs:string*">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="for $r in tokenize($el/@ref) return if (starts-with($r, '#')) then substring($r, 2) else ()"/>
  </xsl:function>

  <!-- A name the page shows with an anchor: in the text or the correspondence metadata,
       and in the reading text (not the original form of a choice, not a variant reading). -->
  <xsl:function name="h:is-mention" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="exists($el/@ref) and exists($el/(ancestor::tei:text | ancestor::tei:correspDesc))
        and h:is-shown($el)"/>
  </xsl:function>

  <!-- Where a mention is on its page: its own xml:id, else its count among the document's names. -->
  <xsl:function name="h:mention-anchor" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="n">
      <xsl:number select="$el" level="any" from="tei:TEI" count="tei:*[@ref][ancestor::tei:text or ancestor::tei:correspDesc]"/>
    </xsl:variable>
    <xsl:sequence select="($el/@xml:id, 'tk-m-' || $n)[1]"/>
  </xsl:function>

  <!-- Is this element's text in the reading text? Not when it is the original of a choice
       or a variant reading: those are shown on hover or in the apparatus. -->
  <xsl:function name="h:is-shown" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="not($el/ancestor-or-self::*[parent::tei:choice][not(. is h:choice-edited(..))])
        and not($el/ancestor-or-self::tei:rdg[not(. is (../tei:lem, ../tei:rdg)[1])])"/>
  </xsl:function>

  <!-- The form of a choice the text shows: corrected, expanded, regularised. -->
  <xsl:function name="h:choice-edited" as="element()?">
    <xsl:param name="choice" as="element()"/>
    <xsl:sequence select="($choice/tei:corr, $choice/tei:expan, $choice/tei:reg, $choice/tei:seg, $choice/*)[1]"/>
  </xsl:function>

  <!-- ==== register entries ==== -->

  <!-- The register entry a name points to ("#id"), or nothing. -->
  <xsl:function name="h:entry" as="element()?">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="h:local-refs($name)[1] ! tk:register-entry('#' || .)"/>
  </xsl:function>

  <!-- The index page an entry is listed on. -->
  <xsl:function name="h:entry-page" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="map {'person': 'persons.html', 'place': 'places.html', 'org': 'organisations.html'}(local-name($entry))"/>
  </xsl:function>

  <xsl:function name="h:entry-href" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="$h:root || h:entry-page($entry) || '#' || $entry/@xml:id"/>
  </xsl:function>

  <!-- The name an entry is sorted by. A person by surname: the register's surname, else
       the part before a comma ("Liakhovetsky, Ivan"), else the last word ("A. A. Joffe");
       then the whole name, so namesakes sort by forename. Places and organisations as named. -->
  <xsl:function name="h:sort-name" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="names" select="tk:entry-names($entry)"/>
    <xsl:variable name="preferred" select="($names[@type = 'preferred'], $names)[1]"/>
    <xsl:variable name="full" select="normalize-space(($preferred, $entry/@xml:id)[1])"/>
    <xsl:variable name="surname" select="
        if (not($entry/self::tei:person)) then $full
        else if ($preferred/tei:surname) then normalize-space($preferred/tei:surname[1])
        else if (contains($full, ',')) then normalize-space(substring-before($full, ','))
        else tokenize($full)[last()]"/>
    <xsl:sequence select="lower-case($surname || ' ' || $full)"/>
  </xsl:function>

  <!-- What a tooltip says about an entry: name, life dates, the register's short note. -->
  <xsl:function name="h:short-description" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="dates" select="tk:lifespan($entry)"/>
    <xsl:variable name="note" select="tk:short-note($entry)"/>
    <xsl:sequence select="tk:preferred-name($entry) || (if ($dates) then ' (' || $dates || ')' else '')
        || (if ($note) then ': ' || $note else '')"/>
  </xsl:function>

  <!-- ==== documents ==== -->

  <xsl:function name="h:correspondence" as="element()*">
    <xsl:param name="tei" as="element()"/>
    <xsl:param name="type" as="xs:string"/>
    <xsl:sequence select="$tei/tei:teiHeader/tei:profileDesc/tei:correspDesc/tei:correspAction[@type = $type]"/>
  </xsl:function>

  <!-- The date the document is dated by: tk:date, else (TEI from elsewhere: a diary
       dated in its first line, a manuscript) the date of origin or the first date of the text. -->
  <xsl:function name="h:main-date" as="element()?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="(
        tk:date($tei)[@when or @from or @notBefore or @notAfter or @to],
        $tei/tei:teiHeader//(tei:creation | tei:sourceDesc)//(tei:date | tei:origDate)[ancestor::tei:creation or self::tei:origDate],
        $tei/tei:text//tei:date
      )[h:iso-part((@when, @from, @notBefore, @notAfter, @to)[1])][1]"/>
  </xsl:function>

  <!-- Where it was written (an element, so it can link to the register). -->
  <xsl:function name="h:place" as="element()?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="(tk:place-names($tei), $tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc//tei:origPlace)[1]"/>
  </xsl:function>

  <!-- The document's language (for lang attributes): of the TEI element, its text, its langUsage; else $language. -->
  <xsl:function name="h:lang" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="(($tei/@xml:lang, $tei/tei:text/@xml:lang,
        $tei/tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language/@ident, $language) ! h:html-lang(.), 'en')[1]"/>
  </xsl:function>

  <!-- ISO 639-1 codes, and the ISO 639-2 codes TEI files often use where HTML wants the short one. -->
  <xsl:variable name="h:iso639-1" as="xs:string*" select="tokenize('aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu')"/>
  <xsl:variable name="h:iso639-2" as="map(xs:string, xs:string)" select="map {
      'lat': 'la', 'pol': 'pl', 'ger': 'de', 'deu': 'de', 'eng': 'en', 'fre': 'fr', 'fra': 'fr', 'rus': 'ru',
      'ita': 'it', 'spa': 'es', 'por': 'pt', 'dut': 'nl', 'nld': 'nl', 'cze': 'cs', 'ces': 'cs', 'gre': 'el',
      'ell': 'el', 'heb': 'he', 'ukr': 'uk', 'hun': 'hu', 'swe': 'sv', 'dan': 'da', 'nor': 'no', 'fin': 'fi',
      'yid': 'yi', 'ara': 'ar', 'tur': 'tr', 'chi': 'zh', 'zho': 'zh', 'jpn': 'ja', 'geo': 'ka', 'kat': 'ka',
      'arm': 'hy', 'hye': 'hy', 'bel': 'be', 'bul': 'bg', 'srp': 'sr', 'hrv': 'hr', 'slv': 'sl', 'slo': 'sk',
      'slk': 'sk', 'rum': 'ro', 'ron': 'ro', 'lit': 'lt', 'lav': 'lv', 'est': 'et', 'wel': 'cy', 'cym': 'cy',
      'gle': 'ga', 'ice': 'is', 'isl': 'is', 'per': 'fa', 'fas': 'fa'}"/>

  <!-- An xml:lang value as a valid HTML lang (BCP 47), or nothing when it is not a known
       language: "lat" is "la", "de-AT" stays, "MP" is dropped. Codes with no ISO 639-1
       equivalent ("grc", "chu") are kept: BCP 47 allows them. -->
  <xsl:function name="h:html-lang" as="xs:string?">
    <xsl:param name="code" as="xs:string?"/>
    <xsl:variable name="parts" select="tokenize(normalize-space($code), '-')"/>
    <xsl:variable name="primary" select="lower-case($parts[1])"/>
    <xsl:variable name="mapped" select="if (string-length($primary) eq 2) then $primary[. = $h:iso639-1]
        else if (string-length($primary) eq 3) then ($h:iso639-2($primary), $primary[not(map:contains($h:iso639-2, .))])[1]
        else ()" xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
    <xsl:variable name="rest" select="$parts[position() gt 1]"/>
    <xsl:sequence select="if ($mapped and (every $p in $rest satisfies matches($p, '^[A-Za-z0-9]{1,8}$')))
        then string-join(($mapped, $rest), '-') else ()"/>
  </xsl:function>

  <!-- "letter", "diary entry": the document type as a reader says it. -->
  <xsl:function name="h:doc-type" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="replace(string(tk:doc-type($tei)), '[-_]', ' ')"/>
  </xsl:function>

  <!-- Sorts chronologically: the earliest ISO date the main date allows; undated ("9999") last. -->
  <xsl:function name="h:sort-key" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="tk:date-sort-key(h:main-date($tei))"/>
  </xsl:function>

  <xsl:function name="h:names-text" as="xs:string">
    <xsl:param name="names" as="element()*"/>
    <xsl:sequence select="string(tk:name-list($names ! tk:name-text(.)))"/>
  </xsl:function>

  <!-- ==== dates ==== -->

  <!-- An ISO date or a prefix of one (YYYY, YYYY-MM, YYYY-MM-DD), or nothing. -->
  <xsl:function name="h:iso-part" as="xs:string?">
    <xsl:param name="value" as="xs:string?"/>
    <xsl:variable name="v" select="normalize-space($value)"/>
    <xsl:sequence select="if (matches($v, '^-?\d{4}(-\d{2}(-\d{2})?)?$')) then $v else ()"/>
  </xsl:function>

  <xsl:function name="h:year" as="xs:string?">
    <xsl:param name="value" as="xs:string?"/>
    <xsl:sequence select="h:iso-part($value) ! replace(., '^(-?\d{4}).*$', '$1')"/>
  </xsl:function>

  <!-- A dating element said readably ("2 June 1918", "between 17 and 25 June 1916"). -->
  <xsl:function name="h:date-text" as="xs:string">
    <xsl:param name="date" as="element()?"/>
    <xsl:sequence select="string(tk:readable-date($date))"/>
  </xsl:function>

  <!-- A valid value for an HTML time element's datetime (Gregorian, AD), or nothing. -->
  <xsl:function name="h:datetime" as="xs:string?">
    <xsl:param name="d" as="element()?"/>
    <xsl:variable name="v" select="h:iso-part(($d/@when, $d/@from, $d/@notBefore)[1])"/>
    <xsl:sequence select="if ($v and not(starts-with($v, '-')) and not($d/@calendar = '#julian')) then $v else ()"/>
  </xsl:function>

  <!-- ==== paths ==== -->

  <!-- From this page back to the site root: "" for index.html, "../" for documents/x.html. -->
  <xsl:variable name="h:root" as="xs:string"
      select="string-join(tokenize($page-href, '/')[position() lt last()] ! '../', '')"/>
</xsl:stylesheet>
