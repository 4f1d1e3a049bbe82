// warta's keyboard shortcuts: / search, j/k next/previous item, o open,
// g then h/e/q/s/a to go to a page, ? help. Pages work without it.
(function () {
  "use strict";
  var pages = { h: "/", e: "/entities", q: "/quotes", s: "/sources", a: "/alerts" };
  var current = -1, pendingG = false;
  function items() { return Array.prototype.slice.call(document.querySelectorAll(".item")); }
  function select(i) {
    var list = items();
    if (!list.length) return;
    current = Math.max(0, Math.min(list.length - 1, i));
    list.forEach(function (el, j) { el.classList.toggle("selected", j === current); });
    list[current].scrollIntoView({ block: "nearest" });
  }
  document.addEventListener("keydown", function (ev) {
    var t = ev.target;
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable)) {
      if (ev.key === "Escape") t.blur();
      return;
    }
    if (pendingG) {
      pendingG = false;
      if (pages[ev.key]) { window.location.href = pages[ev.key]; ev.preventDefault(); }
      return;
    }
    switch (ev.key) {
      case "/":
        var box = document.querySelector("main input[type=search]") || document.getElementById("quick-search");
        if (box) { box.focus(); box.select(); ev.preventDefault(); }
        break;
      case "j": select(current + 1); break;
      case "k": select(current - 1); break;
      case "o":
        var list = items();
        if (current >= 0 && list[current]) {
          var a = list[current].querySelector("a[href]");
          if (a) window.location.href = a.href;
        }
        break;
      case "g": pendingG = true; break;
      case "?":
        var help = document.getElementById("help");
        if (help && help.showModal) help.showModal();
        break;
    }
  });
})();
