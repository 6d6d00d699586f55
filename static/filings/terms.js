// A search hit opens its document with the query's words marked (?q=...): each word or
// phrase, as whole words, case and accents aside, inside one text node. The marks wrap
// text only (window.documentText.wrap), so the layout stays as it was.
(function () {
  "use strict";

  var LETTER = "[\\p{L}\\p{N}]";

  function pattern(term) {
    var words = term.text.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(function (w) {
      return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    });
    if (!words.length) return null;
    var tail = term.prefix ? LETTER + "*" : "";
    return new RegExp(
      "(?<!" + LETTER + ")" + words.join("[^\\p{L}\\p{N}]+") + tail + "(?!" + LETTER + ")",
      "giu"
    );
  }

  function markTerms(frame) {
    var data = document.getElementById("search-terms");
    var doc = frame.contentDocument;
    if (!data || !doc || !doc.body || !window.documentText) return;
    var patterns = JSON.parse(data.textContent).map(pattern).filter(Boolean);
    if (!patterns.length) return;
    var walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
    var pieces = [], node;
    while ((node = walker.nextNode())) {
      var found = [];
      patterns.forEach(function (re) {
        re.lastIndex = 0;
        var m;
        while ((m = re.exec(node.nodeValue))) found.push({ node: node, start: m.index, end: m.index + m[0].length });
      });
      // Overlapping matches of two terms: the earlier one wins.
      found.sort(function (a, b) { return a.start - b.start; });
      var end = -1;
      found.forEach(function (piece) {
        if (piece.start >= end) {
          pieces.push(piece);
          end = piece.end;
        }
      });
    }
    var made = window.documentText.wrap(doc, pieces, function () {
      var mark = doc.createElement("mark");
      mark.className = "app-term";
      mark.style.background = "#d7e8ff";
      return mark;
    });
    // Scrolled to the first, unless an evidence sentence is what was asked for.
    if (made.length && !frame.getAttribute("data-highlight")) {
      var first = doc.querySelector("mark.app-term");
      if (first) first.scrollIntoView({ block: "center", inline: "nearest" });
    }
  }

  function watch() {
    var frame = document.getElementById("document-frame");
    if (!frame || frame.dataset.termsWatched) return;
    frame.dataset.termsWatched = "1";
    function run() {
      var doc = frame.contentDocument;
      // A check scheduled on the empty first document may run once the real one has begun
      // to load: it waits for that document's own load event, with all its text parsed.
      if (!doc || doc.URL === "about:blank" || doc.readyState !== "complete") return;
      if (frame.dataset.terms === doc.URL) return;
      frame.dataset.terms = doc.URL;
      markTerms(frame);
    }
    frame.addEventListener("load", function () { setTimeout(run, 0); });
    if (frame.contentDocument && frame.contentDocument.readyState === "complete") setTimeout(run, 0);
  }

  document.addEventListener("DOMContentLoaded", watch);
  document.addEventListener("htmx:afterSettle", watch);
})();
