/* Every page (base.html): the menus that fold on a phone, the wide tables that scroll in their own box, and
   file inputs in Vietnamese.

   A menu that folds is a button[data-folds] with aria-controls naming the menu; on a narrow screen the CSS hides the
   menu (.js .folds:not(.open)) until the button opens it. Without JavaScript the class "js" is never set and the
   menus simply stay open. Escape closes an open menu and gives the focus back to its button.

   A table wider than its .table-scroll box scrolls sideways inside it; such a box is made a named region that takes
   the keyboard focus, so that it can be scrolled with the arrow keys too (WCAG 2.1.1). A box that does not scroll
   (the same table on a desktop) stays out of the tab order. */
(function () {
  "use strict";

  document.querySelectorAll("button[data-folds][aria-controls]").forEach(function (button) {
    const menu = document.getElementById(button.getAttribute("aria-controls"));
    if (!menu) return;
    function set(open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      menu.classList.toggle("open", open);
    }
    button.addEventListener("click", function () { set(button.getAttribute("aria-expanded") !== "true"); });
    [button, menu].forEach(function (element) {
      element.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
          set(false);
          button.focus();
        }
      });
    });
  });

  /* A file input shows the browser's own words ("Choose File / No file chosen" in an English browser): each one is
     wrapped in a label that reads "Chọn tệp" and then the chosen file's name; the input itself is hidden from sight
     but keeps its name, its label and the keyboard focus. */
  document.querySelectorAll("input[type=file]").forEach(function (input) {
    if (input.closest(".file-pick")) return;
    const pick = document.createElement("label");
    pick.className = "file-pick";
    const button = document.createElement("span");
    button.className = "file-button";
    button.textContent = input.multiple ? "Chọn tệp (một hoặc nhiều tệp)" : "Chọn tệp";
    const chosen = document.createElement("span");
    chosen.className = "file-name";
    chosen.setAttribute("aria-live", "polite");
    input.parentNode.insertBefore(pick, input);
    pick.append(input, button, chosen);
    function show() {
      const names = Array.from(input.files || []).map(function (file) { return file.name; });
      chosen.textContent = names.length ? names.join(", ") : "Chưa chọn tệp";
    }
    input.addEventListener("change", show);
    show();
  });

  function nameOf(box) {
    const caption = box.querySelector("caption") || (box.closest("figure") || box).querySelector("figcaption");
    if (caption && caption.textContent.trim()) return caption.textContent.trim();
    for (let element = box.previousElementSibling; element; element = element.previousElementSibling) {
      if (/^H[1-6]$/.test(element.tagName)) return element.textContent.trim();
    }
    const legend = box.closest("fieldset") && box.closest("fieldset").querySelector("legend");
    return legend ? legend.textContent.trim() : "Bảng";
  }

  function markScrolling() {
    document.querySelectorAll(".table-scroll").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        box.tabIndex = 0;
        box.setAttribute("role", "region");
        if (!box.hasAttribute("aria-label")) box.setAttribute("aria-label", nameOf(box) + " (cuộn ngang để xem hết)");
      } else if (box.getAttribute("role") === "region") {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  }
  markScrolling();
  let pending = null;
  window.addEventListener("resize", function () {
    clearTimeout(pending);
    pending = setTimeout(markScrolling, 150);
  });
})();
