/* teikit edition: a popup for footnotes, apparatus entries and names on hover or
   keyboard focus, with the text their title attribute carries (which stays the
   fallback without JavaScript). No libraries, no requests: works from file://. */
(function () {
  "use strict";

  var SELECTOR = "a.noteref[title], a.appref[title], a.name[title]";
  var popup = null;
  var owner = null;

  function ensurePopup() {
    if (!popup) {
      popup = document.createElement("div");
      popup.className = "tk-popup";
      popup.id = "tk-popup";
      popup.setAttribute("role", "tooltip");
      popup.hidden = true;
      document.body.appendChild(popup);
    }
    return popup;
  }

  function show(el) {
    var text = el.getAttribute("data-tip");
    if (!text) { return; }
    var box = ensurePopup();
    box.textContent = text;
    box.hidden = false;
    owner = el;
    el.setAttribute("aria-describedby", "tk-popup");
    var r = el.getBoundingClientRect();
    var left = window.scrollX + r.left;
    var maxLeft = window.scrollX + document.documentElement.clientWidth - box.offsetWidth - 8;
    box.style.left = Math.max(window.scrollX + 8, Math.min(left, maxLeft)) + "px";
    box.style.top = (window.scrollY + r.bottom + 6) + "px";
  }

  function hide() {
    if (popup) { popup.hidden = true; }
    if (owner) { owner.removeAttribute("aria-describedby"); owner = null; }
  }

  function enhance() {
    var marks = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < marks.length; i++) {
      var el = marks[i];
      // The popup replaces the browser's own tooltip, which would otherwise show too.
      el.setAttribute("data-tip", el.getAttribute("title"));
      el.removeAttribute("title");
      el.addEventListener("mouseenter", function () { show(this); });
      el.addEventListener("focus", function () { show(this); });
      el.addEventListener("mouseleave", hide);
      el.addEventListener("blur", hide);
    }
    document.addEventListener("keydown", function (e) { if (e.key === "Escape") { hide(); } });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
})();
