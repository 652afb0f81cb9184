#!/usr/bin/env python3
"""Checks a generated catalogue site in headless Chromium, as a person would use it.

Drives Chromium over the DevTools protocol on a pipe (--remote-debugging-pipe; Python's
standard library only): opens index.html from file://, checks the stack diagram, types
"myinfo" into the search box, moves into the results with the arrow key and opens the first
with Enter, checks ?q= search, visits pages, and fails on any console error or uncaught
exception. Screenshots go to the artifacts folder.

usage: site_browser_check.py SITE_DIR ARTIFACTS_DIR [CHROMIUM]
"""
import base64
import fcntl
import json
import os
import pathlib
import select
import subprocess
import sys
import time


class Browser:
    def __init__(self, chromium):
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()

        def wire():
            # Chromium reads commands on fd 3 and writes answers on fd 4.
            a = fcntl.fcntl(to_child_r, fcntl.F_DUPFD, 10)
            b = fcntl.fcntl(from_child_w, fcntl.F_DUPFD, 10)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.process = subprocess.Popen(
            [chromium, "--headless", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions",
             "--allow-file-access-from-files", "--hide-scrollbars", "about:blank"],
            preexec_fn=wire, close_fds=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_child_r)
        os.close(from_child_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.session = None

    def _read_message(self, deadline):
        while b"\0" not in self.buffer:
            remaining = deadline - time.time()
            if remaining <= 0:
                raise TimeoutError("Chromium did not answer in time")
            ready, _, _ = select.select([self.from_child], [], [], remaining)
            if ready:
                chunk = os.read(self.from_child, 1 << 20)
                if not chunk:
                    raise RuntimeError("Chromium closed the DevTools pipe")
                self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, params=None, session=True, timeout=20):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self.to_child, json.dumps(message).encode() + b"\0")
        deadline = time.time() + timeout
        while True:
            answer = self._read_message(deadline)
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})
            self.events.append(answer)

    def wait_for(self, method, timeout=20):
        deadline = time.time() + timeout
        for i, event in enumerate(self.events):
            if event.get("method") == method:
                return self.events.pop(i)
        while True:
            event = self._read_message(deadline)
            if event.get("method") == method:
                return event
            self.events.append(event)

    def drain(self, seconds):
        deadline = time.time() + seconds
        try:
            while True:
                self.events.append(self._read_message(deadline))
        except TimeoutError:
            pass

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def navigate(self, url):
        self.events = [e for e in self.events if e.get("method") != "Page.loadEventFired"]
        self.send("Page.navigate", {"url": url})
        self.wait_for("Page.loadEventFired")

    def key(self, key, code, keycode, text=None):
        down = {"type": "keyDown" if text is None else "keyDown", "key": key, "code": code,
                "windowsVirtualKeyCode": keycode, "nativeVirtualKeyCode": keycode}
        if text is not None:
            down["text"] = text
        self.send("Input.dispatchKeyEvent", down)
        self.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": key, "code": code,
                                             "windowsVirtualKeyCode": keycode, "nativeVirtualKeyCode": keycode})

    def screenshot(self, path, full_page=False):
        params = {"format": "png"}
        if full_page:
            params["captureBeyondViewport"] = True
            height = self.evaluate("document.documentElement.scrollHeight")
            width = self.evaluate("document.documentElement.scrollWidth")
            params["clip"] = {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}
        data = self.send("Page.captureScreenshot", params)["data"]
        pathlib.Path(path).write_bytes(base64.b64decode(data))

    def console_errors(self):
        errors = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                errors.append("uncaught exception: " + details.get("exception", {}).get("description", details.get("text", "")))
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                errors.append("console.error: " + " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                entry = params["entry"]
                errors.append(f"{entry.get('source')}: {entry.get('text')} {entry.get('url', '')}".strip())
        return errors

    def close(self):
        try:
            self.send("Browser.close", session=False, timeout=5)
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


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

    browser = Browser(chromium)
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        browser.session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            browser.send(f"{domain}.enable")
        browser.send("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})

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
        browser.events = [e for e in browser.events if e.get("method") != "Page.loadEventFired"]
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
        browser.send("Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True})
        browser.navigate(index)
        overflow = browser.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        check(overflow <= 1, f"no sideways scrolling of the page at phone width (overflow {overflow}px)")
        browser.screenshot(artifacts / "index-phone.png")

        browser.drain(0.2)
        errors = browser.console_errors()
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
