/* Loaded in <head> without defer, so it runs before the page is first painted: it tells the CSS that scripts run
   (the menus fold on a phone only then, site.css ".js .folds"). A file, not inline code: the Content-Security-Policy
   runs no inline script (docs/security.md). */
document.documentElement.classList.add("js");
