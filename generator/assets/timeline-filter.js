// In-place filtering of the timeline by tag or by name.
// Without this script every filter chip is a plain link to its tag or entity page;
// with it, a chip shows only the matching events on this page, the address keeps the
// choice (?tag=... or ?entity=...), and a status line says how many events are shown.
(function () {
  "use strict";
  var bar = document.querySelector(".tl-filter");
  if (!bar || !document.querySelector(".tl-event")) return;  // no events here: chips stay links
  var events = Array.from(document.querySelectorAll(".tl-event"));
  var chips = Array.from(bar.querySelectorAll("[data-filter-tag], [data-filter-entity], [data-filter-all]"));
  var status = bar.querySelector(".tl-filter__status");

  function values(el, name) {
    var raw = el.getAttribute(name) || "";
    return raw ? raw.split("\n") : [];
  }

  function apply(kind, value) {
    var shown = 0;
    events.forEach(function (ev) {
      var match = !kind || values(ev, kind === "tag" ? "data-tags" : "data-entities").indexOf(value) >= 0;
      ev.hidden = !match;
      if (match) shown += 1;
    });
    // A month whose events are all hidden hides its heading too.
    Array.from(document.querySelectorAll(".tl-events")).forEach(function (list) {
      var any = Array.from(list.children).some(function (li) { return !li.hidden; });
      list.hidden = !any;
      var heading = list.previousElementSibling;
      if (heading && heading.classList.contains("tl-month")) heading.hidden = !any;
    });
    chips.forEach(function (chip) {
      var on = kind ? chip.getAttribute("data-filter-" + kind) === value : chip.hasAttribute("data-filter-all");
      if (on) chip.setAttribute("aria-current", "true"); else chip.removeAttribute("aria-current");
    });
    if (status) {
      status.textContent = kind ? bar.getAttribute("data-shown-label")
        .replace("{shown}", String(shown)).replace("{total}", String(events.length)) : "";
    }
  }

  function remember(kind, value) {
    var url = new URL(window.location.href);
    url.searchParams.delete("tag");
    url.searchParams.delete("entity");
    if (kind) url.searchParams.set(kind, value);
    window.history.replaceState(null, "", url.toString());
  }

  chips.forEach(function (chip) {
    chip.addEventListener("click", function (e) {
      e.preventDefault();
      var kind = chip.hasAttribute("data-filter-tag") ? "tag" : chip.hasAttribute("data-filter-entity") ? "entity" : "";
      var value = kind ? chip.getAttribute("data-filter-" + kind) : "";
      if (kind && chip.getAttribute("aria-current") === "true") { kind = ""; value = ""; }
      apply(kind, value);
      remember(kind, value);
    });
  });

  // The tag list starts open where there is room for it; on a phone it stays folded
  // so the first events are in view. (Without this script it is folded everywhere.)
  var tags = bar.querySelector(".tl-filter__tags");
  if (tags && window.matchMedia("(min-width: 45em)").matches) tags.open = true;

  var params = new URLSearchParams(window.location.search);
  if (params.get("tag")) apply("tag", params.get("tag"));
  else if (params.get("entity")) apply("entity", params.get("entity"));
})();
