"""The HTML edition in a real browser: headless Chromium (Debian's chromium and
chromium-driver) driven by Selenium, one browser for the whole module, the site served
from a local http.server thread.

Without Chromium the tests are skipped locally, and fail in CI (CI set), which installs
it (.ci/run). Selenium rather than raw DevTools: it drives Debian's chromedriver, gives
the console log and real clicks and key presses, and needs nothing else.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import tempfile
import threading
from pathlib import Path

import pytest
from html_support import built

CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--window-size=1280,900",
)
JOFFE = "documents/1918-06-02-lenin-to-joffe.html"


def missing(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI installs it: apt-get install -y chromium chromium-driver; pip install selenium)")
    pytest.skip(reason)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Path:
    out, report = built("fixture")
    assert report.failures == []
    return out


@pytest.fixture(scope="module")
def base_url(site):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        missing("selenium is not installed")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not chromium or not driver_path:
        missing("Chromium or chromedriver not found")
    profile = tempfile.mkdtemp(prefix="teikit-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(driver_path))
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def console_errors(browser) -> list[str]:
    return [entry["message"] for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]


def wait_for(browser, script: str, timeout: float = 5.0):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(browser, timeout).until(lambda d: d.execute_script(script))


def in_viewport(browser, element_id: str) -> bool:
    return browser.execute_script(
        "const r = document.getElementById(arguments[0]).getBoundingClientRect();"
        "return r.top >= 0 && r.top < window.innerHeight;", element_id)


@pytest.mark.parametrize("path", [
    "index.html", JOFFE, "persons.html", "places.html", "organisations.html", "chronology.html", "search.html?q=Stalin",
])
def test_page_loads_without_console_errors(browser, base_url, path):
    browser.get_log("browser")  # drop what earlier pages logged
    browser.get(base_url + path)
    wait_for(browser, "return document.readyState === 'complete'")
    assert console_errors(browser) == []


def test_footnote_link_lands_on_its_note_and_the_back_link_returns(browser, base_url):
    from selenium.webdriver.common.by import By

    browser.get(base_url + JOFFE)
    marker = browser.find_element(By.CSS_SELECTOR, "a.noteref")
    marker.click()
    note_id = marker.get_attribute("href").split("#")[1]
    assert browser.execute_script("return location.hash") == "#" + note_id
    assert in_viewport(browser, note_id)
    browser.find_element(By.CSS_SELECTOR, f"li[id='{note_id}'] a.backref").click()
    assert browser.execute_script("return location.hash") == "#" + marker.get_attribute("id")
    assert in_viewport(browser, marker.get_attribute("id"))


def test_note_text_pops_up_on_keyboard_focus(browser, base_url):
    from selenium.webdriver.common.by import By

    browser.get(base_url + JOFFE)
    wait_for(browser, "return document.querySelector('a.noteref[data-tip]') !== null")
    browser.execute_script("document.querySelectorAll('a.noteref')[1].focus()")
    popup = browser.find_element(By.ID, "tk-popup")
    assert popup.is_displayed()
    assert popup.text == "On the demands see the Chicherin papers."


def test_name_description_pops_up_on_hover(browser, base_url):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    browser.get(base_url + JOFFE)
    wait_for(browser, "return document.querySelector('a.name[data-tip]') !== null")
    name = browser.find_element(By.XPATH, "//main//p//a[contains(@class, 'name')][. = 'Sokolnikov']")
    ActionChains(browser).move_to_element(name).perform()
    popup = browser.find_element(By.ID, "tk-popup")
    assert popup.is_displayed() and popup.text.startswith("Grigori Sokolnikov")


def test_search_finds_a_person_and_the_result_leads_to_the_entry(browser, base_url):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(base_url + "search.html")
    box = browser.find_element(By.ID, "search-q")
    box.send_keys("joffe", Keys.ENTER)
    wait_for(browser, "return document.querySelectorAll('#search-results li').length > 0")
    first = browser.find_element(By.CSS_SELECTOR, "#search-results li a")
    assert (first.text, first.get_attribute("href")) == ("Adolph Abramovich Joffe", base_url + "persons.html#joffe")
    first.click()
    assert browser.current_url == base_url + "persons.html#joffe"
    assert in_viewport(browser, "joffe")


def test_search_box_in_the_banner_opens_the_results(browser, base_url):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(base_url + JOFFE)
    browser.find_element(By.ID, "site-search-q").send_keys("Politbureau", Keys.ENTER)
    wait_for(browser, "return document.querySelectorAll('#search-results li').length > 0")
    assert browser.current_url.startswith(base_url + "search.html?q=Politbureau")
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#search-results li > a")]
    assert base_url + "organisations.html#politburo" in links


def test_search_ignores_case_and_accents(browser, base_url):
    from selenium.webdriver.common.by import By

    browser.get(base_url + "search.html?q=GENERAL")
    wait_for(browser, "return document.querySelectorAll('#search-results li').length > 0")
    texts = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#search-results li > a")]
    assert "Сталин — Ленину, 21 августа 1918" in texts  # "en général" in the telegram


def test_site_works_from_a_file_url_without_a_server(browser, site):
    from selenium.webdriver.common.by import By

    browser.get((site / "search.html").as_uri() + "?q=Stalin")
    wait_for(browser, "return document.querySelectorAll('#search-results li').length > 0")
    assert browser.find_element(By.CSS_SELECTOR, "#search-results li a").text == "Joseph Stalin"
