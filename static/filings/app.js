// The little the page needs beyond htmx: size the document frame to its content, so the
// document scrolls with the page instead of inside a box. Without JS the frame scrolls.
(function () {
  "use strict";

  function fitFrame(frame) {
    try {
      var doc = frame.contentDocument;
      if (!doc || !doc.documentElement) return;
      var height = Math.max(doc.documentElement.scrollHeight, doc.body ? doc.body.scrollHeight : 0);
      if (height > 0) frame.style.height = height + 24 + "px";
    } catch (e) {
      /* a frame we cannot reach keeps its fixed height */
    }
  }

  function watch(root) {
    var frames = (root || document).querySelectorAll("iframe.document-frame");
    frames.forEach(function (frame) {
      frame.addEventListener("load", function () { fitFrame(frame); });
      fitFrame(frame);
    });
  }

  document.addEventListener("DOMContentLoaded", function () { watch(document); });
  document.addEventListener("htmx:afterSwap", function (event) { watch(event.detail.target.parentNode || document); });
  window.addEventListener("resize", function () {
    document.querySelectorAll("iframe.document-frame").forEach(fitFrame);
  });
})();
