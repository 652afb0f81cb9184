(function () {
  "use strict";
  var index = window.TECHSTACK_SEARCH || [];
  var root = document.body.getAttribute("data-root") || "";
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var page = document.getElementById("search-page");
  var pageList = document.getElementById("search-page-results");
  if (!input || !list) { return; }

  function lower(s) { return String(s || "").toLowerCase(); }

  function score(item, terms) {
    var id = lower(item.id), name = lower(item.name), summary = lower(item.summary);
    var more = (item.more || []).map(lower);
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var t = terms[i], s = 0;
      if (id === t || name === t) { s = 100; }
      else if (name.indexOf(t) === 0) { s = 60; }
      else if (id.indexOf(t) === 0) { s = 50; }
      else if (name.indexOf(t) >= 0) { s = 40; }
      else if (id.indexOf(t) >= 0) { s = 30; }
      else if (summary.indexOf(t) >= 0) { s = 10; }
      else if (more.some(function (m) { return m.indexOf(t) >= 0; })) { s = 8; }
      if (s === 0) { return 0; }
      total += s;
    }
    return total;
  }

  function search(query) {
    var terms = lower(query).split(/\s+/).filter(function (t) { return t.length > 0; });
    if (terms.length === 0) { return []; }
    var hits = [];
    index.forEach(function (item, position) {
      var s = score(item, terms);
      if (s > 0) { hits.push({ item: item, score: s, position: position }); }
    });
    hits.sort(function (a, b) { return b.score - a.score || a.position - b.position; });
    return hits.map(function (h) { return h.item; });
  }

  function resultLink(item) {
    var a = document.createElement("a");
    a.setAttribute("href", root + item.path);
    var name = document.createElement("span");
    name.className = "result-name";
    name.textContent = item.name;
    var kind = document.createElement("span");
    kind.className = "result-kind";
    kind.textContent = item.kind + " · " + item.id;
    var summary = document.createElement("span");
    summary.className = "result-summary";
    summary.textContent = item.summary.length > 140 ? item.summary.slice(0, 139) + "…" : item.summary;
    a.appendChild(name);
    a.appendChild(kind);
    a.appendChild(summary);
    return a;
  }

  function fill(target, results, limit) {
    target.textContent = "";
    results.slice(0, limit).forEach(function (item) {
      var li = document.createElement("li");
      li.appendChild(resultLink(item));
      target.appendChild(li);
    });
  }

  function run() {
    var query = input.value;
    var results = search(query);
    fill(list, results, 12);
    if (!query.trim()) { status.textContent = ""; }
    else if (results.length === 0) { status.textContent = "No entry matches “" + query + "”."; }
    else { status.textContent = results.length + (results.length === 1 ? " entry matches." : " entries match."); }
    return results;
  }

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

  input.addEventListener("input", run);
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") {
      var first = links()[0];
      if (first) { event.preventDefault(); first.focus(); }
    } else if (event.key === "Escape") {
      input.value = "";
      run();
    }
  });
  list.addEventListener("keydown", function (event) {
    var all = links(), at = all.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && at < all.length - 1) { event.preventDefault(); all[at + 1].focus(); }
    else if (event.key === "ArrowUp") { event.preventDefault(); (at > 0 ? all[at - 1] : input).focus(); }
    else if (event.key === "Escape") { event.preventDefault(); input.focus(); }
  });
  input.form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = links()[0];
    if (first) { window.location.href = first.getAttribute("href"); }
  });

  // Leaving the search box and its results closes the list; the text stays.
  input.form.addEventListener("focusout", function (event) {
    if (!event.relatedTarget || !input.form.contains(event.relatedTarget)) { list.textContent = ""; }
  });
  input.addEventListener("focus", function () { if (input.value.trim()) { run(); } });

  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    input.value = query;
    if (!page || !pageList) {
      run();
    } else {
      var results = search(query);
      status.textContent = results.length + (results.length === 1 ? " entry matches." : " entries match.");
      fill(pageList, results, results.length);
      if (results.length === 0) {
        var li = document.createElement("li");
        li.textContent = "No entry matches “" + query + "”.";
        pageList.appendChild(li);
      }
      page.hidden = false;
    }
  }
})();
