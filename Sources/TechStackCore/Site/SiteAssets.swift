/// The site's own stylesheet and script: local files, nothing loaded from the network.
enum SiteAssets {
    static let stylesheet = #"""
:root {
  --ink: #0f172a; --muted: #475569; --line: #cbd5e1; --paper: #ffffff; --wash: #f8fafc;
  --brand: #1e3a5f; --link: #1d4ed8; --focus: #f59e0b;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: var(--paper); line-height: 1.5;
}
* { box-sizing: border-box; }
body { margin: 0; font-size: 1rem; }
a { color: var(--link); text-underline-offset: 2px; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--paper); padding: .5rem 1rem; z-index: 10; }
.skip:focus { left: .5rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
header.site { background: var(--brand); color: #fff; padding: .75rem 1.25rem; display: flex; flex-wrap: wrap;
  gap: .75rem 2rem; align-items: flex-start; justify-content: space-between; }
header.site a { color: #fff; }
.brand { display: flex; flex-direction: column; }
.brand .home { font-weight: 700; font-size: 1.2rem; text-decoration: none; }
.brand .home:hover { text-decoration: underline; }
.brand .version { color: #dbe4ef; font-size: .875rem; }
form.search { position: relative; display: flex; flex-direction: column; min-width: min(26rem, 100%); flex: 0 1 26rem; }
form.search label { font-size: .875rem; color: #dbe4ef; }
form.search input { font: inherit; padding: .45rem .6rem; border: 2px solid #94a3b8; border-radius: 6px; width: 100%; color: var(--ink); }
form.search input:focus { border-color: var(--focus); outline: none; box-shadow: 0 0 0 3px rgba(245, 158, 11, .45); }
.search-status { font-size: .8rem; color: #dbe4ef; min-height: 1px; }
.search-results { list-style: none; margin: .25rem 0 0; padding: 0; background: #fff; color: var(--ink); border-radius: 6px;
  box-shadow: 0 10px 25px rgba(15, 23, 42, .25); position: absolute; top: 100%; left: 0; right: 0; z-index: 5;
  max-height: 70vh; overflow-y: auto; }
.search-results:empty { display: none; }
.search-results a, .search-page-results a { display: block; padding: .5rem .75rem; color: var(--ink); text-decoration: none;
  border-bottom: 1px solid #e2e8f0; }
.search-results a:hover, .search-results a:focus { background: #e0ecff; outline: none; }
.result-name { font-weight: 600; color: var(--link); }
.result-kind { font-size: .8rem; color: var(--muted); margin-left: .4rem; }
.result-summary { display: block; font-size: .85rem; color: var(--muted); }
.search-page-results { list-style: none; padding: 0; border: 1px solid var(--line); border-radius: 8px; }
nav { background: #eef2f7; border-bottom: 1px solid var(--line); }
nav ul { list-style: none; margin: 0 auto; padding: .4rem 1.25rem; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; max-width: 72rem; }
nav a { text-decoration: none; font-weight: 600; color: var(--brand); }
nav a:hover { text-decoration: underline; }
nav li.current a { text-decoration: underline; text-decoration-thickness: 3px; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.25rem 2rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: .5rem 0; }
h2 { font-size: 1.35rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.1rem; margin: 1.25rem 0 .4rem; }
.summary { font-size: 1.075rem; max-width: 48rem; }
.breadcrumb { margin: 0; color: var(--muted); font-size: .9rem; }
.muted, .none { color: var(--muted); }
.none { font-style: italic; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; background: #f1f5f9; padding: 0 .25rem; border-radius: 4px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .35rem 1.25rem; margin: 1rem 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: .5rem .6rem; border-bottom: 1px solid var(--line); }
thead th { background: #eef2f7; }
tbody th { font-weight: 600; }
ul.cost { margin: 0; padding-left: 1.1rem; }
td > p { margin: 0; }
.badge { display: inline-block; font-size: .75rem; font-weight: 700; padding: .05rem .45rem; border-radius: 999px; margin-left: .4rem;
  vertical-align: middle; border: 1px solid currentColor; text-transform: uppercase; letter-spacing: .03em; }
.role-preferred { color: #166534; background: #dcfce7; }
.role-recommended { color: #1e40af; background: #dbeafe; }
.role-alternative { color: #9a3412; background: #ffedd5; }
.status-deprecated { color: #92400e; background: #fef3c7; }
.status-retired { color: #991b1b; background: #fee2e2; }
figure.diagram { margin: 1rem 0; }
.diagram-scroll { overflow-x: auto; border: 1px solid var(--line); border-radius: 12px; background: #fff; padding: .5rem; }
svg.stack-diagram { display: block; width: 100%; min-width: 720px; height: auto; }
svg.stack-diagram text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
svg.stack-diagram a { cursor: pointer; }
svg.stack-diagram a:hover rect.chip, svg.stack-diagram a:focus rect.chip { stroke-width: 3; }
svg.stack-diagram a:focus { outline: none; }
svg.stack-diagram a:focus rect.chip { stroke: #000; }
svg.stack-diagram a.layer-link:hover text, svg.stack-diagram a.layer-link:focus text { text-decoration: underline; }
svg.stack-diagram a.inactive rect.chip { opacity: .7; }
figcaption { color: var(--muted); font-size: .9rem; margin-top: .4rem; }
ul.by-layer > li { margin-bottom: .5rem; }
ol.lifecycle { list-style: none; padding: 0; display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; }
ol.lifecycle .step { border: 1px solid var(--line); border-radius: 10px; padding: .6rem .9rem; background: var(--wash); }
ol.lifecycle .transition { color: var(--muted); font-size: .9rem; max-width: 16rem; }
ol.lifecycle .transition::after { content: " →"; font-weight: 700; color: var(--ink); }
.swatch { display: inline-block; width: 1rem; height: 1rem; border: 2px solid; border-radius: 4px; vertical-align: -2px; margin-right: .4rem; }
footer { border-top: 1px solid var(--line); color: var(--muted); font-size: .875rem; padding: 1rem 1.25rem 2rem; max-width: 72rem; margin: 0 auto; }
@media (max-width: 640px) {
  h1 { font-size: 1.5rem; }
  header.site { padding: .75rem; }
  main { padding: .75rem; }
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dd { margin-bottom: .5rem; }
  table { display: block; overflow-x: auto; }
}
"""#

    /// Search as you type; results are links (Tab or the arrow keys move through them,
    /// Enter opens one, Escape goes back). `?q=TEXT` fills the box and runs the search.
    static let script = #"""
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
"""#
}
