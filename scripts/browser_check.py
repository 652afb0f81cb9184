#!/usr/bin/env python3
"""Open an HTML file in headless Chromium, fail on any console error or uncaught exception,
check that the sortable tables sort, and save a full-page screenshot.

Talks the DevTools protocol over --remote-debugging-pipe through cdp.py, so it needs no
network port and no package beyond Python's standard library.

usage: browser_check.py FILE.html SCREENSHOT.png [--sort-table ID]
"""
import json, os, sys

from cdp import Browser

def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    page, shot = os.path.abspath(sys.argv[1]), sys.argv[2]
    sort_tables = [sys.argv[i + 1] for i, a in enumerate(sys.argv) if a == "--sort-table" and i + 1 < len(sys.argv)]
    browser = Browser()
    problems = []
    try:
        browser.open_page(1440, 900)
        browser.navigate("file://" + page)
        browser.drain(0.5)

        metrics = browser.send("Page.getLayoutMetrics")
        height = int(metrics.get("cssContentSize", metrics.get("contentSize"))["height"])
        browser.set_viewport(1440, min(height, 16000))
        browser.drain(0.3)
        # Very long pages (a scorecard of thousands of projects) are cut at 16,000 pixels.
        browser.screenshot(shot, clip=(1440, min(height, 16000)))
        # The first screenful on its own, the way a reader first sees the page.
        browser.screenshot(shot[:-4] + "-top.png" if shot.endswith(".png") else shot + "-top.png",
                           clip=(1440, min(height, 1800)))

        for table in sort_tables:
            # Click a numeric header twice (ascending, then descending) and read the column back.
            script = """(function(id){
              var t = document.getElementById(id); if (!t) return "no table " + id;
              var heads = t.querySelectorAll("thead th"); var col = -1;
              for (var i = 0; i < heads.length; i++) { var b = heads[i].querySelector("button");
                if (b && b.getAttribute("data-numeric") === "true") { col = i; break; } }
              if (col < 0) return "no numeric column in " + id;
              var b = heads[col].querySelector("button");
              function values(){ return Array.prototype.map.call(t.tBodies[0].rows, function(r){
                var c = r.cells[col]; var v = c.getAttribute("data-v"); return parseFloat(v !== null ? v : c.textContent) || 0; }); }
              b.click(); var up = values();
              b.click(); var down = values();
              for (var i = 1; i < up.length; i++) if (up[i-1] > up[i]) return "not ascending after one click: " + up;
              for (var i = 1; i < down.length; i++) if (down[i-1] < down[i]) return "not descending after two clicks: " + down;
              if (heads[col].getAttribute("aria-sort") !== "descending") return "aria-sort not updated";
              return "ok";
            })(%s)""" % json.dumps(table)
            value = browser.evaluate(script, strict=False)
            if value != "ok":
                problems.append(f"sorting {table}: {value}")

        for kind, detail, text in browser.console_errors():
            if kind == "exception":
                problems.append("uncaught exception: " + text)
            elif kind == "console":
                problems.append("console error: " + text)
            else:
                problems.append(f"{detail} error: {text}".strip())
    finally:
        browser.close()
    for problem in problems:
        print(f"{page}: {problem}", file=sys.stderr)
    print(f"{page}: {'FAILED' if problems else 'ok'}; screenshot {shot}")
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main())
