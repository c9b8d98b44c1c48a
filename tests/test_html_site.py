"""The HTML edition site built from the fixture edition (three tagged documents and their
registers): which pages exist, what the document pages and the indexes say."""

from __future__ import annotations

from itertools import pairwise

import pytest
from html_support import built, page, search_index, text, xpath_one

JOFFE = "documents/1918-06-02-lenin-to-joffe.html"
STALIN = "documents/1922-04-24-lenin-to-stalin.html"
TELEGRAM = "documents/1918-08-21-stalin-telegram-ru.html"


@pytest.fixture(scope="module")
def site():
    out, report = built("fixture")
    assert report.failures == []
    return out


# ---- the site's files ----


def test_every_document_gets_a_page_and_a_copy_of_its_tei(site):
    assert sorted(p.name for p in (site / "documents").iterdir()) == sorted(
        [JOFFE.split("/")[1], STALIN.split("/")[1], TELEGRAM.split("/")[1]]
    )
    assert (site / "tei" / "1918-06-02-lenin-to-joffe.xml").read_bytes().startswith(b"<?xml")


def test_site_pages_and_assets_are_written(site):
    for name in ("index.html", "chronology.html", "persons.html", "places.html", "organisations.html", "search.html"):
        assert (site / name).is_file(), name
    for asset in ("edition.css", "edition.js", "search.js", "search-index.js"):
        assert (site / "assets" / asset).is_file(), asset


def test_no_resource_is_loaded_from_elsewhere(site):
    for path in site.rglob("*.html"):
        tree = page(site, str(path.relative_to(site)))
        remote = tree.xpath("//script/@src | //link/@href | //img/@src | //iframe/@src | //source/@src")
        assert [url for url in remote if "//" in url] == [], path.name


# ---- the list of documents ----


def test_index_lists_documents_in_chronological_order(site):
    rows = page(site, "index.html").xpath("//table[@class='document-list']/tbody/tr")
    assert [row.xpath("string(td[@class='date']//@datetime)") for row in rows] == ["1918-06-02", "1918-08-21", "1922-04-24"]


def test_index_row_gives_date_correspondents_type_and_place(site):
    row = page(site, "index.html").xpath("//tbody/tr")[0]
    assert text(xpath_one(row, "td[@class='date']")) == "2 June 1918"
    assert xpath_one(row, "td[@class='title']/a").get("href") == JOFFE
    assert text(xpath_one(row, "td[@class='correspondents']")) == "V. I. Lenin → A. A. Joffe"
    assert text(xpath_one(row, "td[@class='type']")) == "letter"
    assert text(xpath_one(row, "td[@class='place']")) == "Moscow"


def test_chronology_groups_documents_by_year_and_month(site):
    tree = page(site, "chronology.html")
    years = tree.xpath("//section[@class='year']")
    assert [y.get("id") for y in years] == ["year-1918", "year-1922"]
    assert [text(h) for h in years[0].xpath("h3")] == ["June", "August"]
    assert len(years[0].xpath(".//ol/li")) == 2


# ---- a document page: the header ----


def field(tree, label: str) -> str:
    return text(xpath_one(tree, f"//dl[@class='metadata']/div[dt = '{label}']/dd"))


def test_document_header_says_who_wrote_to_whom_when_and_where(site):
    tree = page(site, JOFFE)
    assert text(xpath_one(tree, "//h1")) == "V. I. Lenin to A. A. Joffe, 2 June 1918"
    assert field(tree, "From") == "V. I. Lenin"
    assert field(tree, "To") == "A. A. Joffe (Berlin)"
    assert field(tree, "Date") == "2 June 1918 (1918-06-02)"
    assert xpath_one(tree, "//div[dt='Date']//time").get("datetime") == "1918-06-02"
    assert field(tree, "Place") == "Moscow"


def test_document_header_gives_source_archive_translator_and_licence(site):
    tree = page(site, JOFFE)
    assert field(tree, "Source") == "Lenin Collected Works, Progress Publishers, 1975, Volume 44."
    assert field(tree, "Archival reference") == "RGASPI, F. 2. Op. 1., D. 6155. L. 1."
    assert field(tree, "Translated by") == "Clemens Dutt"
    licence = xpath_one(tree, "//div[dt='Licence']//a")
    assert (licence.get("href"), licence.get("rel")) == ("https://creativecommons.org/publicdomain/mark/1.0/", "license")


def test_document_header_links_to_the_tei_for_download(site):
    link = xpath_one(page(site, JOFFE), "//div[dt='TEI']//a")
    assert link.get("href") == "../tei/1918-06-02-lenin-to-joffe.xml"
    assert link.get("download") is not None


def test_header_names_link_to_their_register_entries(site):
    tree = page(site, JOFFE)
    assert xpath_one(tree, "//div[dt='From']//a").get("href") == "../persons.html#lenin"
    assert xpath_one(tree, "//div[dt='Place']//a").get("href") == "../places.html#moscow"


# ---- a document page: language, landmarks, headings ----


def test_page_language_comes_from_the_documents_xml_lang(site):
    assert page(site, TELEGRAM).get("lang") == "ru"
    assert page(site, JOFFE).get("lang") == "en"


def test_passage_in_another_language_is_marked_with_its_lang(site):
    foreign = xpath_one(page(site, TELEGRAM), "//*[contains(@class, 'foreign')]")
    assert (foreign.get("lang"), text(foreign)) == ("fr", "en général")


def test_page_has_banner_navigation_main_and_footer_landmarks(site):
    tree = page(site, JOFFE)
    for landmark in ("header[@class='site-header']", "nav[@aria-label='Edition']", "main[@id='main']", "footer"):
        assert len(tree.xpath(f"/html/body//{landmark}[not(ancestor::main or ancestor::article)]")) == 1, landmark
    assert xpath_one(tree, "//form[@role='search']//input").get("name") == "q"
    assert xpath_one(tree, "//a[@class='skip-link']").get("href") == "#main"


def test_page_has_one_h1_and_headings_in_order(site):
    tree = page(site, JOFFE)
    levels = [int(h.tag[1]) for h in tree.xpath("//main//*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6]")]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in pairwise(levels))


# ---- a document page: the text ----


def test_footnote_marker_links_to_its_note_and_the_note_back(site):
    tree = page(site, JOFFE)
    marker = xpath_one(tree, "//a[@class='noteref'][sup = '1']")
    note = xpath_one(tree, f"//*[@id = '{marker.get('href')[1:]}']")
    assert "Soviet delegation" in text(note)
    assert xpath_one(note, ".//a[@class='backref']").get("href") == "#" + marker.get("id")


def test_footnote_marker_carries_the_note_text_for_the_popup(site):
    marker = xpath_one(page(site, JOFFE), "//a[@class='noteref'][sup = '2']")
    assert marker.get("title") == "On the demands see the Chicherin papers."


def test_notes_without_n_are_numbered_in_order(site):
    markers = page(site, STALIN).xpath("//a[@class='noteref']")
    assert [text(m) for m in markers] == ["1"]


def test_names_link_to_the_index_with_the_register_description_as_tooltip(site):
    link = xpath_one(page(site, JOFFE), "//main//p//a[contains(@class, 'name')][. = 'Sokolnikov']")
    assert link.get("href") == "../persons.html#sokolnikov"
    assert link.get("title") == "Grigori Sokolnikov: Member of the Soviet delegation to Berlin, 1918."


def test_uncertain_identification_is_marked_as_such(site):
    link = xpath_one(page(site, JOFFE), "//main//p//a[contains(@class, 'uncertain')]")
    assert text(link) == "Chicherin"
    assert link.get("title").startswith("Identification uncertain.")


def test_names_inside_notes_link_too(site):
    note = xpath_one(page(site, JOFFE), "//li[@id = 'doc-1918-06-02-lenin-to-joffe-n1']")
    assert xpath_one(note, ".//a[contains(@class, 'name')]").get("href") == "../places.html#berlin"


def test_supplied_text_is_in_square_brackets(site):
    supplied = xpath_one(page(site, JOFFE), "//*[contains(@class, 'supplied')]")
    assert text(supplied) == "[as a means]"
    assert "supplied by the editor" in supplied.get("title")


def test_choice_shows_the_correction_with_the_original_on_hover(site):
    tree = page(site, JOFFE)
    sic = xpath_one(tree, "//*[contains(@class, 'choice')][contains(@title, 'corrected')]")
    assert (text(sic), sic.get("title")) == ("little", "corrected from: litle")
    abbr = xpath_one(tree, "//*[contains(@class, 'choice')][contains(@title, 'abbreviated')]")
    assert (text(abbr), abbr.get("title")) == ("Brest treaty", "abbreviated in the source as: Br. treaty")


def test_unclear_gap_deletion_and_addition_follow_editorial_conventions(site):
    tree = page(site, JOFFE)
    unclear = xpath_one(tree, "//span[@class='unclear']")
    assert (text(unclear), unclear.get("title")) == ("successful?", "unclear reading, illegible")
    gap = xpath_one(tree, "//*[contains(@class, 'gap')]")
    assert (text(gap), gap.get("title")) == ("[…]", "gap in the text, 2 words, illegible")
    assert text(xpath_one(tree, "//del")) == "all"
    addition = xpath_one(tree, "//ins")
    assert (text(addition), addition.get("title")) == ("⸢copies of⸣", "added, above")


def test_page_break_is_a_marker_with_its_page_number(site):
    pb = xpath_one(page(site, JOFFE), "//*[@class='pb']")
    assert pb.get("aria-label") == "page 99"
    assert text(xpath_one(pb, "*[@class='pb-n']")) == "99"


def test_block_quotation_and_letter_parts_keep_their_structure(site):
    tree = page(site, STALIN)
    assert "telegram" in xpath_one(tree, "//blockquote").get("class")
    assert len(tree.xpath("//div[contains(@class, 'opener')]/div[contains(@class, 'salute')]")) == 1


def test_document_page_links_to_the_previous_and_next_documents_in_time(site):
    pager = xpath_one(page(site, TELEGRAM), "//nav[@class='pager']")
    assert [a.get("href") for a in pager.xpath("a")] == ["../" + JOFFE, "../" + STALIN]


# ---- the indexes ----


def entry(site, page_name: str, entry_id: str):
    return xpath_one(page(site, page_name), f"//article[@id = '{entry_id}']")


def test_person_entry_says_what_the_register_says(site):
    lenin = entry(site, "persons.html", "lenin")
    assert text(xpath_one(lenin, "h3")) == "Vladimir Ilyich Lenin (1870–1924)"
    assert "Chairman of the Council" in text(xpath_one(lenin, "p[@class='entry-note']"))
    facts = {text(d.xpath("dt")[0]): text(d.xpath("dd")[0]) for d in lenin.xpath("dl/div")}
    assert facts["Also known as"] == "Vladimir Ilyich Ulyanov (birth name); V. I. Lenin; Ленин"
    assert facts["Born"] == "22 April 1870"
    assert xpath_one(lenin, ".//a[@rel='external']").get("href") == "https://www.wikidata.org/wiki/Q1394"


def test_person_entry_links_to_every_mention(site):
    lenin = entry(site, "persons.html", "lenin")
    documents = lenin.xpath(".//div[@class='mentions']/ul/li")
    assert [d.xpath("string(a[1]/@href)") for d in documents] == [JOFFE, TELEGRAM, STALIN]
    mentions = [a.get("href") for a in lenin.xpath(".//span[@class='mention-links']/a")]
    # Joffe letter: sender, signature; telegram: addressee, "Ленину" in the text; Stalin letter: sender.
    assert len(mentions) == 5
    for href in mentions:
        target, fragment = href.split("#")
        assert "name" in xpath_one(page(site, target), f"//*[@id = '{fragment}']").get("class").split()


def test_mention_links_land_on_the_name_in_the_text(site):
    sokolnikov = entry(site, "persons.html", "sokolnikov")
    href = xpath_one(sokolnikov, ".//span[@class='mention-links']/a").get("href")
    target, fragment = href.split("#")
    assert text(xpath_one(page(site, target), f"//*[@id = '{fragment}']")) == "Sokolnikov"


def test_entry_never_mentioned_says_so(site):
    assert text(xpath_one(entry(site, "persons.html", "bukharin"), "p[contains(@class, 'mentions')]")) == "Not mentioned in the documents."


def test_persons_are_sorted_by_surname_under_initial_letters(site):
    tree = page(site, "persons.html")
    # Kamenev's register name has no <surname>: its last word is taken as the surname.
    assert [a.get("id") for a in tree.xpath("//article")] == [
        "bukharin", "chicherin", "joffe", "kamenev", "lenin", "sokolnikov", "stalin"]
    assert [text(a) for a in tree.xpath("//nav[@class='letter-nav']//a")] == ["B", "C", "J", "K", "L", "S"]


def test_places_and_organisations_have_their_own_index(site):
    assert xpath_one(entry(site, "places.html", "moscow"), ".//a[@rel='external']").get("href") == "https://www.geonames.org/524901"
    politburo = entry(site, "organisations.html", "politburo")
    assert [a.get("href") for a in politburo.xpath(".//div[@class='mentions']/ul/li/a[1]")] == [STALIN]


# ---- search ----


def test_search_index_has_every_document_and_register_entry(site):
    index = search_index(site)
    assert sorted(d["url"] for d in index["documents"]) == sorted([JOFFE, STALIN, TELEGRAM])
    stalin = next(e for e in index["entries"] if e["url"] == "persons.html#stalin")
    assert stalin["name"] == "Joseph Stalin" and "Сталин" in stalin["variants"]
    joffe = next(d for d in index["documents"] if d["url"] == JOFFE)
    assert "friction between you and Chicherin" in joffe["text"]


def test_search_index_leaves_out_the_original_of_a_choice(site):
    joffe = next(d for d in search_index(site)["documents"] if d["url"] == JOFFE)
    assert "little warning" in joffe["text"] and "litle" not in joffe["text"]


def test_search_page_has_a_labelled_form_and_a_live_results_region(site):
    tree = page(site, "search.html")
    assert xpath_one(tree, "//label[@for='search-q']") is not None
    assert xpath_one(tree, "//*[@id='search-status']").get("aria-live") == "polite"
    assert tree.xpath("//script/@src")[-2:] == ["assets/search-index.js", "assets/search.js"]
