// The little the page needs beyond htmx: size the document frame to its content, mark the
// names the app knows (linking to their pages) and highlight an evidence sentence.
// The frame runs no script of its own; this page reaches into it (same origin).
(function () {
  "use strict";

  function frameDocument(frame) {
    try {
      return frame.contentDocument;
    } catch (e) {
      return null;
    }
  }

  function fitFrame(frame) {
    var doc = frameDocument(frame);
    if (!doc || !doc.documentElement) return;
    var height = Math.max(doc.documentElement.scrollHeight, doc.body ? doc.body.scrollHeight : 0);
    if (height > 0) frame.style.height = height + 24 + "px";
  }

  function normalise(text) {
    return text.replace(/\s+/g, " ");
  }

  // Text nodes of the frame's body with their offsets in a whitespace-collapsed copy.
  function textIndex(doc) {
    var walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
    var nodes = [], text = "", node;
    while ((node = walker.nextNode())) {
      nodes.push({ node: node, start: text.length });
      text += normalise(node.nodeValue);
    }
    return { nodes: nodes, text: text };
  }

  function locate(index, offset) {
    for (var i = index.nodes.length - 1; i >= 0; i--) {
      if (index.nodes[i].start <= offset) {
        var entry = index.nodes[i];
        var raw = entry.node.nodeValue, seen = 0, k = 0;
        // Walk the raw text until the collapsed offset is reached.
        while (k < raw.length && seen < offset - entry.start) {
          var ws = /\s/.test(raw[k]);
          k++;
          if (ws) { while (k < raw.length && /\s/.test(raw[k])) k++; }
          seen++;
        }
        return { node: entry.node, offset: k };
      }
    }
    return null;
  }

  function wrap(doc, index, start, end, make) {
    var a = locate(index, start), b = locate(index, end);
    if (!a || !b) return null;
    var range = doc.createRange();
    range.setStart(a.node, Math.min(a.offset, a.node.nodeValue.length));
    range.setEnd(b.node, Math.min(b.offset, b.node.nodeValue.length));
    var el = make();
    try {
      range.surroundContents(el);
    } catch (e) {
      el.appendChild(range.extractContents());
      range.insertNode(el);
    }
    return el;
  }

  function markNames(frame, doc) {
    var data = document.getElementById("known-names");
    if (!data) return;
    var names = JSON.parse(data.textContent).sort(function (a, b) { return b.text.length - a.text.length; });
    names.forEach(function (entry) {
      var index = textIndex(doc);
      var needle = normalise(entry.text), from = 0, found = 0;
      while (found < 50) {
        var at = index.text.indexOf(needle, from);
        if (at < 0) break;
        var el = wrap(doc, index, at, at + needle.length, function () {
          var a = doc.createElement("a");
          a.className = "app-known";
          a.href = entry.url;
          a.target = "_top";
          // CSSOM, not markup: no inline <style> for any policy to object to.
          a.style.color = "inherit";
          a.style.textDecoration = "underline dotted #1f5fbf";
          return a;
        });
        if (!el) break;
        index = textIndex(doc);
        from = at + needle.length;
        found++;
      }
    });
  }

  function highlight(frame, doc) {
    var wanted = normalise(frame.getAttribute("data-highlight") || "").trim();
    if (!wanted) return;
    var index = textIndex(doc);
    var at = index.text.indexOf(wanted);
    if (at < 0) return;
    var mark = wrap(doc, index, at, at + wanted.length, function () {
      var m = doc.createElement("mark");
      m.className = "app-evidence";
      m.style.background = "#ffe58a";
      m.style.outline = "2px solid #f0b400";
      return m;
    });
    if (mark) {
      var top = frame.getBoundingClientRect().top + window.scrollY + mark.getBoundingClientRect().top;
      window.scrollTo(0, Math.max(0, top - 120));
    }
  }

  function prepare(frame) {
    var doc = frameDocument(frame);
    if (!doc || !doc.body || frame.dataset.prepared === doc.URL) return;
    frame.dataset.prepared = doc.URL;
    markNames(frame, doc);
    fitFrame(frame);
    highlight(frame, doc);
  }

  function watch(root) {
    (root || document).querySelectorAll("iframe.document-frame").forEach(function (frame) {
      frame.addEventListener("load", function () { prepare(frame); });
      if (frameDocument(frame) && frameDocument(frame).readyState === "complete") prepare(frame);
    });
  }

  document.addEventListener("DOMContentLoaded", function () { watch(document); });
  document.addEventListener("htmx:afterSettle", function () { watch(document); });
  window.addEventListener("resize", function () {
    document.querySelectorAll("iframe.document-frame").forEach(fitFrame);
  });
})();
