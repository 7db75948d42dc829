/* Kiosk pages (portal/kiosk_base.html, when the view gives a `refresh`): the idle timer.

   An abandoned page clears itself, so the next person at the desk does not see it: back to the start page after
   `refresh` seconds in which nobody touched the screen or typed. Each touch or key starts the count again, so
   someone still choosing is never cut off (a plain meta refresh would, and fails WCAG 2.2.1); the meta refresh
   stays only for a browser without JavaScript. */
(function () {
  var seconds = Number(document.body.dataset.idleSeconds), url = document.body.dataset.idleUrl, timer = null;
  function wait() {
    clearTimeout(timer);
    timer = setTimeout(function () { window.location.replace(url); }, seconds * 1000);
  }
  ["pointerdown", "keydown", "input"].forEach(function (kind) { document.addEventListener(kind, wait, true); });
  wait();
})();
