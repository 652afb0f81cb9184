#!/usr/bin/env python3
"""Checks a generated catalogue site in headless Chromium, as a person would use it.

Drives Chromium over the DevTools protocol on a pipe (--remote-debugging-pipe, through
cdp.py; Python's standard library only): opens index.html from file://, checks the stack
diagram, types "myinfo" into the search box, moves into the results with the arrow key and
opens the first with Enter, checks ?q= search, visits pages, and fails on any console error
or uncaught exception. Screenshots go to the artifacts folder.

usage: site_browser_check.py SITE_DIR ARTIFACTS_DIR [CHROMIUM]
"""
import pathlib
import sys

from cdp import Browser


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    site = pathlib.Path(sys.argv[1]).resolve()
    artifacts = pathlib.Path(sys.argv[2])
    chromium = sys.argv[3] if len(sys.argv) > 3 else "chromium"
    artifacts.mkdir(parents=True, exist_ok=True)
    index = site.joinpath("index.html").as_uri()
    failures = []

    def check(condition, message):
        print(("ok   " if condition else "FAIL ") + message)
        if not condition:
            failures.append(message)

    browser = Browser(chromium, allow_file_access=True, timeout=20)
    try:
        browser.open_page(1280, 900)

        browser.navigate(index)
        chips = browser.evaluate("document.querySelectorAll('svg.stack-diagram a[href^=\"components/\"]').length")
        layers = browser.evaluate("document.querySelectorAll('svg.stack-diagram a[href^=\"layers/\"]').length")
        check(chips and chips > 0, f"index.html draws the stack diagram ({chips} components, {layers} layers)")
        check(browser.evaluate("document.querySelector('svg.stack-diagram').getBoundingClientRect().width > 600"),
              "the diagram is laid out at full width")
        browser.screenshot(artifacts / "index.png")
        browser.screenshot(artifacts / "index-full.png", full_page=True)

        # Typing into the search box lists matching pages as links.
        browser.evaluate("document.getElementById('search-input').focus()")
        browser.send("Input.insertText", {"text": "myinfo"})
        browser.drain(0.3)
        hrefs = browser.evaluate("Array.from(document.querySelectorAll('#search-results a')).map(a => a.getAttribute('href'))")
        check(bool(hrefs) and hrefs[0] == "components/myinfo.html", f"typing 'myinfo' lists the Myinfo page first ({(hrefs or [])[:3]})")
        status = browser.evaluate("document.getElementById('search-status').textContent")
        check("match" in (status or ""), f"the search announces its results ({status!r})")
        browser.screenshot(artifacts / "search.png")

        # Down arrow moves into the results; Enter opens the focused one.
        browser.key("ArrowDown", "ArrowDown", 40)
        focused = browser.evaluate("document.activeElement && document.activeElement.getAttribute('href')")
        check(focused == "components/myinfo.html", f"the down arrow focuses the first result ({focused})")
        browser.forget("Page.loadEventFired")
        browser.key("Enter", "Enter", 13, text="\r")
        browser.wait_for("Page.loadEventFired")
        location = browser.evaluate("location.pathname")
        check(location.endswith("/components/myinfo.html"), f"Enter opens the result ({location})")
        check(browser.evaluate("document.querySelector('h1').textContent.startsWith('Myinfo')"), "the Myinfo page shows its name")

        # index.html?q= opens with the search run, for links and for browsers that type nothing.
        browser.navigate(index + "?q=myinfo")
        listed = browser.evaluate("Array.from(document.querySelectorAll('#search-page-results a')).map(a => a.getAttribute('href'))")
        check("components/myinfo.html" in (listed or []), "index.html?q=myinfo lists the Myinfo page")
        check(browser.evaluate("!document.getElementById('search-page').hidden"), "the results section is shown")

        for page in ("concerns/api-style.html", "datasets/myinfo-person.html", "funding-models.html"):
            browser.navigate(site.joinpath(page).as_uri())
            check(browser.evaluate("document.querySelector('main h1') !== null"), f"{page} renders")
        browser.navigate(site.joinpath("concerns/api-style.html").as_uri())
        browser.screenshot(artifacts / "concern.png")

        # Phone width: the page still fits and the diagram scrolls inside its frame.
        browser.set_viewport(390, 844, scale=2, mobile=True)
        browser.navigate(index)
        overflow = browser.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        check(overflow <= 1, f"no sideways scrolling of the page at phone width (overflow {overflow}px)")
        browser.screenshot(artifacts / "index-phone.png")

        browser.drain(0.2)
        errors = [f"uncaught exception: {text}" if kind == "exception" else
                  f"console.error: {text}" if kind == "console" else
                  f"{detail}: {text}".strip()
                  for kind, detail, text in browser.console_errors()]
        check(not errors, "no console errors" + ("" if not errors else ": " + "; ".join(errors)))
    finally:
        browser.close()

    print(f"screenshots in {artifacts}")
    if failures:
        print(f"{len(failures)} browser check(s) failed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
