/* Every page (base.html): the menus that fold on a phone.

   A menu that folds is a button[data-folds] with aria-controls naming the menu; on a narrow screen the CSS hides the
   menu (.js .folds:not(.open)) until the button opens it. Without JavaScript the class "js" is never set and the
   menus simply stay open. Escape closes an open menu and gives the focus back to its button. */
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

})();
