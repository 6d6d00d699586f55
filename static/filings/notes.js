// Notes in the reading view: draw the document's notes in the frame, offer Comment,
// Highlight and Tag on a selection, and tie the sidebar to the passages.
// The frame runs no script of its own; like app.js, this page reaches into it (same
// origin), through the one text map app.js keeps (window.documentText).
(function () {
  "use strict";

  var popover = null;

  function frameDocument(frame) {
    try {
      return frame.contentDocument;
    } catch (e) {
      return null;
    }
  }

  function marks() {
    var el = document.getElementById("document-notes");
    return el ? JSON.parse(el.dataset.marks || "[]") : [];
  }

  // Each note's passage, marked per text node (the layout never changes).
  function drawNotes(doc) {
    var notes = marks();
    if (!notes.length || !window.documentText) return;
    notes.forEach(function (note) {
      // A map of the document as it is now: each mark splits the text nodes it wraps.
      var map = window.documentText.map(doc);
      var found = window.documentText.find(map, note.exact, note.start);
      if (!found) return;
      var pieces = window.documentText.pieces(map, found.start, found.end);
      window.documentText.wrap(doc, pieces, function () {
        var mark = doc.createElement("mark");
        mark.className = "app-note";
        mark.dataset.note = note.id;
        mark.style.background = note.kind === "highlight" ? "#c8f2d0" : "#ffe9a8";
        mark.style.cursor = "pointer";
        mark.title = "Note " + note.id;
        return mark;
      });
    });
  }

  function marksOf(doc, id) {
    return Array.prototype.slice.call(doc.querySelectorAll('mark.app-note[data-note="' + id + '"]'));
  }

  // Scroll a note's passage into view, flash it, and open its entry in the sidebar.
  function showNote(frame, id, scroll) {
    var doc = frameDocument(frame);
    var entry = document.getElementById("note-" + id);
    document.querySelectorAll(".notes-in-document li.active").forEach(function (li) {
      li.classList.remove("active");
    });
    if (entry) {
      entry.classList.add("active");
      var thread = entry.querySelector("details");
      if (thread) thread.open = true;
    }
    if (!doc) return;
    doc.querySelectorAll("mark.app-note.active").forEach(function (m) {
      m.classList.remove("active");
      m.style.outline = "";
    });
    var marks = marksOf(doc, id);
    marks.forEach(function (m) {
      m.classList.add("active");
      m.style.outline = "2px solid #f0b400";
    });
    if (scroll && marks.length) marks[0].scrollIntoView({ block: "center", inline: "nearest" });
  }

  function closePopover() {
    if (popover) popover.remove();
    popover = null;
  }

  function target() {
    return document.getElementById("note-target");
  }

  // The popover beside a selection in the frame: Comment, Highlight, Tag, then a form.
  function offer(frame, doc) {
    var info = target();
    if (!info || !("canAnnotate" in info.dataset) || !window.documentText) return;
    var selection = doc.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return closePopover();
    var range = selection.getRangeAt(0);
    var exact = selection.toString();
    if (!exact.trim()) return closePopover();
    var stream = window.documentText.range(window.documentText.map(doc), range);
    if (!stream || stream.end <= stream.start) return closePopover();
    var box = range.getBoundingClientRect(), at = frame.getBoundingClientRect();
    closePopover();
    popover = document.createElement("div");
    popover.className = "note-popover";
    popover.setAttribute("role", "dialog");
    popover.setAttribute("aria-label", "Write a note on the selection");
    popover.style.left = Math.max(8, at.left + box.left + window.scrollX) + "px";
    popover.style.top = at.top + box.bottom + window.scrollY + 6 + "px";
    [["comment", "Comment"], ["highlight", "Highlight"], ["tag", "Tag"]].forEach(function (kind) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = kind[1];
      button.dataset.kind = kind[0];
      button.addEventListener("click", function (event) {
        event.stopPropagation(); // the form replaces the button: not a click outside
        form(kind[0], stream, exact);
      });
      popover.appendChild(button);
    });
    // Structured notes, for those who may write them: the server sends each form.
    var structured = [];
    if ("canReview" in info.dataset) structured.push(["event", "Record event", info.dataset.recordUrl]);
    if ("canLinkPeople" in info.dataset) structured.push(["mention", "Link person", info.dataset.linkUrl]);
    if ("canShare" in info.dataset) {
      structured.push(["flag", "Flag problem", info.dataset.linkUrl]);
      structured.push(["exhibit", "Link exhibit", info.dataset.linkUrl]);
    }
    structured.forEach(function (kind) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = kind[1];
      button.dataset.kind = kind[0];
      button.addEventListener("click", function (event) {
        event.stopPropagation();
        serverForm(kind[2], kind[0], kind[1], stream, exact);
      });
      popover.appendChild(button);
    });
    document.body.appendChild(popover);
  }

  // A structured note's form, filled in by the server (an event with what the extractor
  // reads in the passage, a mention with the people the name may be); saved, the page
  // shows it in the panel.
  function serverForm(url, kind, label, stream, exact) {
    var info = target();
    var query = new URLSearchParams({
      kind: kind, stream_start: stream.start, stream_end: stream.end, exact: exact,
      text_hash: info.dataset.textHash,
    });
    fetch(url + "?" + query, {
      credentials: "same-origin", headers: { "HX-Request": "true" },
    }).then(function (response) {
      return response.text().then(function (html) {
        if (!response.ok) throw new Error("The form could not be opened (" + response.status + ").");
        var parsed = new DOMParser().parseFromString(html, "text/html");
        var f = parsed.querySelector("form");
        if (!f || !popover) return;
        f = document.importNode(f, true);
        popover.replaceChildren(f);
        popover.setAttribute("aria-label", label);
        if (window.htmx) window.htmx.process(f); // the person box's suggestions
        f.addEventListener("submit", function (event) {
          event.preventDefault();
          var problem = f.querySelector("[role=alert]");
          fetch(f.action, {
            method: "POST", body: new FormData(f), credentials: "same-origin",
            headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" },
          }).then(function (saved) {
            return saved.json().then(function (answer) {
              if (!saved.ok) throw new Error(answer.error ? answer.error.message : "Not saved.");
              window.location.reload();
            });
          }).catch(function (error) { problem.textContent = error.message; });
        });
        var first = f.querySelector("select, input:not([type=hidden])");
        if (first) first.focus();
      });
    }).catch(function (error) {
      if (popover) popover.textContent = error.message;
    });
  }

  function field(form, label, input) {
    var wrap = document.createElement("label");
    wrap.textContent = label + " ";
    wrap.appendChild(input);
    form.appendChild(wrap);
    return input;
  }

  function form(kind, stream, exact) {
    var info = target();
    var f = document.createElement("form");
    f.className = "note-form";
    if (kind !== "tag") {
      var body = document.createElement("textarea");
      body.name = "body";
      body.rows = 4;
      body.maxLength = 50000;
      body.required = kind === "comment";
      field(f, kind === "comment" ? "Comment (Markdown)" : "Note (optional)", body);
    }
    var tags = document.createElement("input");
    tags.name = "tags";
    tags.required = kind === "tag";
    tags.setAttribute("list", "tag-options");
    tags.autocomplete = "off";
    field(f, "Tags, separated by commas", tags);
    var choices = [["private", "only me"]];
    if ("canShare" in info.dataset) {
      if (info.dataset.teams) choices.push(["team", "my teams"]);
      choices.push(["public", "everyone"]);
    }
    var who = document.createElement("fieldset");
    who.className = "visibility";
    choices.forEach(function (choice, i) {
      var label = document.createElement("label");
      var radio = document.createElement("input");
      radio.type = "radio";
      radio.name = "visibility";
      radio.value = choice[0];
      radio.checked = i === 0;
      label.appendChild(radio);
      label.appendChild(document.createTextNode(" " + choice[1]));
      who.appendChild(label);
    });
    f.appendChild(who);
    var save = document.createElement("button");
    save.type = "submit";
    save.textContent = "Save";
    f.appendChild(save);
    var problem = document.createElement("p");
    problem.className = "warning";
    problem.setAttribute("role", "alert");
    f.appendChild(problem);
    f.addEventListener("submit", function (event) {
      event.preventDefault();
      var data = new FormData(f);
      data.append("kind", kind);
      data.append("stream_start", stream.start);
      data.append("stream_end", stream.end);
      data.append("exact", exact);
      data.append("text_hash", info.dataset.textHash);
      fetch(info.dataset.createUrl, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" },
      }).then(function (response) {
        return response.json().then(function (answer) {
          if (!response.ok) throw new Error(answer.error ? answer.error.message : "Not saved.");
          // The page again, opened at the new note: its sidebar and marks come from the server.
          window.location.hash = "note-" + answer.id;
          window.location.reload();
        });
      }).catch(function (error) {
        problem.textContent = error.message;
      });
    });
    popover.replaceChildren(f);
    var first = f.querySelector("textarea, input");
    if (first) first.focus();
  }

  function csrfToken() {
    var headers = document.body.getAttribute("hx-headers");
    try {
      return JSON.parse(headers)["X-CSRFToken"];
    } catch (e) {
      return "";
    }
  }

  function noteFromHash() {
    var m = /^#note-(\d+)$/.exec(window.location.hash);
    return m ? m[1] : null;
  }

  function prepare(frame) {
    var doc = frameDocument(frame);
    // Only a fully parsed document (see terms.js): its load event comes after a check
    // scheduled while it was still loading.
    if (!doc || !doc.body || doc.URL === "about:blank" || doc.readyState !== "complete") return;
    if (frame.dataset.notes === doc.URL) return;
    frame.dataset.notes = doc.URL;
    doc.addEventListener("mouseup", function () {
      setTimeout(function () { offer(frame, doc); }, 0);
    });
    doc.addEventListener("click", function (event) {
      var mark = event.target.closest && event.target.closest("mark.app-note");
      if (!mark) return;
      history.pushState(null, "", "#note-" + mark.dataset.note);
      showNote(frame, mark.dataset.note, false);
    });
    draw(frame);
  }

  // The notes come with the sidebar, which the page loads on its own: whichever of the
  // frame and the sidebar is ready last draws them, once per document.
  function draw(frame) {
    var doc = frameDocument(frame);
    if (!doc || frame.dataset.notes !== doc.URL || frame.dataset.notesDrawn === doc.URL) return;
    if (!document.getElementById("document-notes")) return;
    frame.dataset.notesDrawn = doc.URL;
    drawNotes(doc);
    var id = noteFromHash();
    if (id) showNote(frame, id, true);
  }

  function frame() {
    return document.getElementById("document-frame");
  }

  function watch() {
    var f = frame();
    if (!f || f.dataset.notesWatched) return;
    f.dataset.notesWatched = "1";
    // After app.js, which marks names and evidence on the same load.
    f.addEventListener("load", function () { setTimeout(function () { prepare(f); }, 0); });
    var doc = frameDocument(f);
    if (doc && doc.readyState === "complete") setTimeout(function () { prepare(f); }, 0);
  }

  // A click on a note in the sidebar shows its passage; its URL (#note-N) is history, so
  // back and forward move between the notes opened.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-note-link]");
    if (link && frame()) {
      event.preventDefault();
      history.pushState(null, "", "#note-" + link.dataset.noteLink);
      showNote(frame(), link.dataset.noteLink, true);
      return;
    }
    if (popover && !popover.contains(event.target)) closePopover();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") closePopover();
  });
  window.addEventListener("popstate", function () {
    var id = noteFromHash();
    if (id && frame()) showNote(frame(), id, true);
  });
  document.addEventListener("DOMContentLoaded", watch);
  document.addEventListener("htmx:afterSettle", function () {
    watch();
    if (frame()) draw(frame());
  });
})();
