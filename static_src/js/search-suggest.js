/* Title suggestions for search boxes (#site-search and [data-search-suggest]).
   Progressive enhancement: without it, the boxes are plain search forms.
   Suggestions come from /api/search/suggest/ into a native <datalist>. */
(function () {
  "use strict";
  var boxes = document.querySelectorAll("#site-search, [data-search-suggest]");
  if (!boxes.length || !window.fetch) return;
  var lang = (document.documentElement.lang || "vi").slice(0, 2);

  Array.prototype.forEach.call(boxes, function (box, index) {
    var list = document.createElement("datalist");
    var timer = null;
    var last = "";
    var pending = null;
    list.id = "search-suggestions-" + index;
    box.parentNode.insertBefore(list, box.nextSibling);
    box.setAttribute("list", list.id);
    box.setAttribute("autocomplete", "off");

    function show(items) {
      list.textContent = "";
      items.forEach(function (item) {
        var option = document.createElement("option");
        option.value = item.title;
        list.appendChild(option);
      });
    }

    function load() {
      var text = box.value.trim();
      if (text.length < 2 || text === last) return;
      last = text;
      if (pending) pending.abort();
      pending = window.AbortController ? new AbortController() : null;
      var url = (box.getAttribute("data-suggest-url") || "/api/search/suggest/") +
        "?locale=" + encodeURIComponent(lang) + "&q=" + encodeURIComponent(text);
      fetch(url, { headers: { Accept: "application/json" }, signal: pending && pending.signal })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (items) { if (box.value.trim() === text) show(items.slice(0, 8)); })
        .catch(function () {});
    }

    box.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(load, 150);
    });
  });
})();
