"""Screenshots of the HTML edition for a person to look at (`make screenshots`).

Builds the site from tei/ (with tei/registers/ when it is there) into out/html/, serves
it on a local port and has headless Chromium save PNGs into out/screenshots/: the list
of documents, a document page, the index of persons and the search page with a query,
at desktop width, plus the document page at phone width and as printed.

    python scripts/screenshots.py [--tei tei] [--out out]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from teikit.writers.html import write_html

CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars",
)


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def browser(profile: Path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    return webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"))


def full_page(driver, url: str, target: Path, width: int, media: str = "") -> None:
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media})  # "print": the print style sheet
    driver.set_window_size(width, 900)
    driver.get(url)
    height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 2400)")
    driver.set_window_size(width, max(height, 600))
    driver.save_screenshot(str(target))
    print(target)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tei", type=Path, default=ROOT / "tei")
    parser.add_argument("--out", type=Path, default=ROOT / "out")
    args = parser.parse_args()
    documents = sorted(p for p in args.tei.glob("*.xml"))
    registers = args.tei / "registers"
    site = args.out / "html"
    report = write_html(documents, site, {}, registers if registers.is_dir() else None)
    for failure in report.failures:
        print(f"error: {failure.message}", file=sys.stderr)
    shots = args.out / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    pages = sorted((site / "documents").glob("*.html"))
    document = next((p for p in pages if "maisky" in p.name or "joffe" in p.name), pages[0] if pages else None)
    server, base = serve(site)
    with tempfile.TemporaryDirectory(prefix="teikit-chromium-") as profile:
        driver = browser(Path(profile))
        try:
            full_page(driver, base + "index.html", shots / "index.png", 1280)
            if document is not None:
                url = base + "documents/" + document.name
                full_page(driver, url, shots / "document.png", 1280)
                full_page(driver, url, shots / "document-phone.png", 390)
                full_page(driver, url, shots / "document-print.png", 800, media="print")
            full_page(driver, base + "persons.html", shots / "persons.png", 1280)
            full_page(driver, base + "search.html?q=Stalin", shots / "search.png", 1280)
        finally:
            driver.quit()
            server.shutdown()
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
