// Keyboard review of extracted events, in the review queue and the filing's panel:
// j / k move to the next / previous event, a accepts it, r opens the rejection form, e the
// correction form, Escape closes a form. The buttons and links do the work (htmx posts and
// swaps the row), so the keys do exactly what a click does, and nothing without them.
(function () {
  "use strict";

  const KEYS = { a: "a", r: "r", e: "e" };
  let current = null; // the id of the event row the keys act on

  function rows() {
    return Array.from(document.querySelectorAll("[data-review-list] > li.event-row"));
  }

  function typing(target) {
    return target.closest("input, textarea, select, [contenteditable]") !== null;
  }

  function select(row) {
    for (const r of rows()) r.classList.toggle("is-current", r === row);
    if (!row) return;
    current = row.id;
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: "nearest" });
  }

  function currentRow() {
    const row = current && document.getElementById(current);
    return row && row.matches("[data-review-list] > li.event-row") ? row : null;
  }

  function move(step) {
    const all = rows();
    if (!all.length) return;
    const at = all.indexOf(currentRow());
    const next = at < 0 ? (step > 0 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, at + step));
    select(all[next]);
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || !rows().length) return;
    if (event.key === "Escape") {
      const row = currentRow() || (event.target.closest && event.target.closest("li.event-row"));
      const cancel = row && row.querySelector(".decision-form a");
      if (cancel) {
        event.preventDefault();
        cancel.click();
      }
      return;
    }
    if (typing(event.target)) return;
    if (event.key === "j" || event.key === "k") {
      event.preventDefault();
      move(event.key === "j" ? 1 : -1);
      return;
    }
    const key = KEYS[event.key];
    const row = currentRow();
    if (!key || !row) return;
    const control = row.querySelector(`[data-key="${key}"]`);
    if (control && !control.disabled) {
      event.preventDefault();
      control.click();
    }
  });

  // A click in a row makes it the current one.
  document.addEventListener("click", function (event) {
    const row = event.target.closest && event.target.closest("[data-review-list] > li.event-row");
    if (row) {
      current = row.id;
      for (const r of rows()) r.classList.toggle("is-current", r === row);
    }
  });

  // htmx replaced the row: keep it current, and put the cursor in an opened form.
  document.addEventListener("htmx:afterSettle", function (event) {
    const row = event.target.closest && event.target.closest("li.event-row");
    if (!row || row.id !== current) return;
    row.classList.add("is-current");
    const form = row.querySelector(".decision-form");
    if (!form) {
      row.focus({ preventScroll: true });
      return;
    }
    const state = form.querySelector("input[name=state]:checked");
    const field = state && state.value === "rejected"
      ? form.querySelector("input[name=reason]")
      : form.querySelector("select[name=event_type]");
    (field || form.querySelector("button")).focus();
  });
})();
