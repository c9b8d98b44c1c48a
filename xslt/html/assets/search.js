/* teikit edition: search over the whole edition without a server. The index
   (assets/search-index.js, written when the site is built) lists every document's
   words and every register entry's names; a query matches when all its words occur,
   ignoring case and accents. Register entries come first, then documents by date. */
(function () {
  "use strict";

  function fold(s) {
    return (s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function terms(query) {
    return fold(query).split(/\s+/).filter(function (t) { return t.length > 0; });
  }

  function matchesAll(haystack, words) {
    var h = fold(haystack);
    return words.every(function (w) { return h.indexOf(w) !== -1; });
  }

  function snippet(text, words) {
    var folded = fold(text);
    var at = folded.indexOf(words[0]);
    if (at < 0) { return ""; }
    var start = Math.max(0, at - 60);
    var end = Math.min(text.length, at + words[0].length + 80);
    return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
  }

  function search(index, query) {
    var words = terms(query);
    if (!words.length) { return []; }
    var results = [];
    index.entries.forEach(function (e) {
      if (matchesAll([e.name].concat(e.variants).join(" ") + " " + e.description, words)) {
        results.push({ title: e.name, url: e.url, kind: e.kind, detail: e.description });
      }
    });
    index.documents.forEach(function (d) {
      if (matchesAll([d.title, d.people, d.date, d.text].join(" "), words)) {
        results.push({ title: d.title, url: d.url, kind: d.date || "Document", detail: snippet(d.text, words) || d.people });
      }
    });
    return results;
  }

  function render(results, query) {
    var list = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    list.textContent = "";
    if (!query.trim()) { status.textContent = ""; return; }
    status.textContent = results.length === 0 ? "Nothing found for “" + query + "”."
      : results.length + (results.length === 1 ? " result" : " results") + " for “" + query + "”.";
    results.forEach(function (r) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = r.url;
      a.textContent = r.title;
      li.appendChild(a);
      var kind = document.createElement("span");
      kind.className = "result-kind";
      kind.textContent = r.kind;
      li.appendChild(kind);
      if (r.detail) {
        var detail = document.createElement("span");
        detail.className = "result-snippet";
        detail.textContent = r.detail;
        li.appendChild(detail);
      }
      list.appendChild(li);
    });
  }

  function start() {
    var index = window.teikitSearchIndex;
    var form = document.getElementById("search-form");
    var input = document.getElementById("search-q");
    if (!index || !form || !input) { return; }
    var initial = new URLSearchParams(window.location.search).get("q") || "";
    input.value = initial;
    render(search(index, initial), initial);
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      render(search(index, input.value), input.value);
      if (window.history && window.history.replaceState) {
        window.history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
      }
    });
    input.addEventListener("input", function () { render(search(index, input.value), input.value); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
