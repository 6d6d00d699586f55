// The header's search box as a WAI-ARIA combobox: htmx fetches the suggestions, this
// script lets the keyboard move through them (the active option is aria-activedescendant,
// focus stays in the box) and closes the list on Escape or a click elsewhere.
(function () {
  "use strict";

  const input = document.querySelector(".quick-search input[role=combobox]");
  if (!input) return;
  const form = input.form;
  const holder = document.getElementById("typeahead");
  const LIST_ID = input.getAttribute("aria-controls");
  // Closed by the reader: a response still on its way must not open the list again.
  let dismissed = false;

  function list() {
    return holder.querySelector("[role=listbox]");
  }

  function options() {
    const box = list();
    return box ? Array.from(box.querySelectorAll("[role=option]:not([aria-disabled=true])")) : [];
  }

  function isOpen() {
    return input.getAttribute("aria-expanded") === "true";
  }

  function setActive(option) {
    for (const o of options()) o.setAttribute("aria-selected", String(o === option));
    if (option) {
      input.setAttribute("aria-activedescendant", option.id);
      option.scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function active() {
    const id = input.getAttribute("aria-activedescendant");
    return id ? document.getElementById(id) : null;
  }

  function open() {
    const box = list();
    const shown = Boolean(box && box.children.length);
    holder.hidden = !shown;
    input.setAttribute("aria-expanded", String(shown));
  }

  function close() {
    dismissed = true;
    setActive(null);
    holder.hidden = true;
    input.setAttribute("aria-expanded", "false");
  }

  // Each fresh list: ids for aria-activedescendant, nothing active, links out of the tab
  // order (the arrows reach them; Tab goes on to the rest of the header).
  holder.addEventListener("htmx:afterSwap", function () {
    const box = list();
    if (box) {
      box.id = LIST_ID;
      box.setAttribute("aria-label", "Suggestions");
      options().forEach(function (option, i) {
        option.id = LIST_ID + "-" + i;
        option.setAttribute("aria-selected", "false");
        const link = option.querySelector("a");
        if (link) link.tabIndex = -1;
      });
    }
    input.removeAttribute("aria-activedescendant");
    if (dismissed) holder.hidden = true;
    else open();
  });

  function move(step) {
    const all = options();
    if (!all.length) return;
    dismissed = false;
    if (!isOpen()) open();
    const at = all.indexOf(active());
    // From no active option, down starts at the first and up at the last; both wrap.
    const next = at < 0 ? (step > 0 ? 0 : all.length - 1) : (at + step + all.length) % all.length;
    setActive(all[next]);
  }

  input.addEventListener("keydown", function (event) {
    if (event.isComposing) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      move(event.key === "ArrowDown" ? 1 : -1);
    } else if (event.key === "Enter") {
      const option = isOpen() ? active() : null;
      const link = option && option.querySelector("a[href]");
      if (link) {
        event.preventDefault();
        link.click();
      } // else the form submits: a search for what was typed
    } else if (event.key === "Escape") {
      // Handled here in every browser: Chromium would clear a search box on the first.
      event.preventDefault();
      if (isOpen()) {
        close();
      } else if (input.value) {
        input.value = "";
        holder.replaceChildren();
        // As typing would: htmx's "changed" check then sees the next text as new.
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }
    }
  });

  // Typing changes what the active option would be: start again from none.
  input.addEventListener("input", function () {
    dismissed = false;
    setActive(null);
  });
  input.addEventListener("focus", function () {
    dismissed = false;
  });

  document.addEventListener("click", function (event) {
    if (isOpen() && !form.contains(event.target)) close();
  });

  // Tabbing away closes the list too; a click on an option (no related target in some
  // browsers) must not close it before the link follows.
  form.addEventListener("focusout", function (event) {
    if (event.relatedTarget && !form.contains(event.relatedTarget)) close();
  });

  holder.hidden = true;
})();
