"""A small Chromium DevTools-protocol client for the browser checks in this folder.

Launches headless Chromium with --remote-debugging-pipe (commands on fd 3, answers on fd 4,
each message ended by a NUL byte), so it needs no network port and no package beyond
Python's standard library. Used by browser_check.py and site_browser_check.py.

    browser = Browser()                      # or Browser("/usr/bin/chromium")
    try:
        browser.open_page(1280, 900)         # a new tab with Page, Runtime and Log enabled
        browser.navigate("file:///.../index.html")
        title = browser.evaluate("document.title")
        browser.screenshot("shot.png")
        errors = browser.console_errors()    # [(kind, detail, text)], see console_errors
    finally:
        browser.close()
"""
import base64
import fcntl
import json
import os
import pathlib
import select
import shutil
import subprocess
import sys
import tempfile
import time

FLAGS = ["--headless=new", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
         "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars"]


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("no chromium on PATH; install Debian's package: apt-get install -y chromium")


class Browser:
    def __init__(self, chromium=None, allow_file_access=False, timeout=30):
        """chromium: the browser to run (default: the first of chromium, chromium-browser,
        google-chrome on PATH). allow_file_access: let file:// pages read other files.
        timeout: how many seconds to wait for an answer, unless a call says otherwise."""
        self.timeout = timeout
        flags = FLAGS + (["--allow-file-access-from-files"] if allow_file_access else [])
        self.profile = tempfile.mkdtemp(prefix="techstack-chromium-")
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()

        def wire():
            # Move both ends above fd 4 first, so that neither is overwritten by the other dup2.
            a = fcntl.fcntl(to_child_r, fcntl.F_DUPFD, 10)
            b = fcntl.fcntl(from_child_w, fcntl.F_DUPFD, 10)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.process = subprocess.Popen(
            [chromium or find_chromium(), *flags, "--user-data-dir=" + self.profile, "about:blank"],
            preexec_fn=wire, pass_fds=(3, 4), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_child_r)
        os.close(from_child_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.session = None

    # --- the protocol ---------------------------------------------------------------------

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

    def _write(self, message):
        os.write(self.to_child, json.dumps(message).encode() + b"\0")

    def send(self, method, params=None, session=True, timeout=None):
        """Sends a command (to the attached page unless session=False) and returns its result.
        Events that arrive meanwhile are kept in self.events."""
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        self._write(message)
        deadline = time.time() + (timeout or self.timeout)
        while True:
            answer = self._read_message(deadline)
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})
            self.events.append(answer)

    def wait_for(self, method, timeout=None):
        """Returns (and removes from self.events) the first event named method, waiting for it."""
        deadline = time.time() + (timeout or self.timeout)
        for i, event in enumerate(self.events):
            if event.get("method") == method:
                return self.events.pop(i)
        while True:
            event = self._read_message(deadline)
            if event.get("method") == method:
                return event
            self.events.append(event)

    def forget(self, method):
        """Drops the events named method already received, so that wait_for sees only new ones."""
        self.events = [e for e in self.events if e.get("method") != method]

    def drain(self, seconds):
        """Collects events for a while: lets the page settle without leaving them in the pipe."""
        deadline = time.time() + seconds
        try:
            while True:
                self.events.append(self._read_message(deadline))
        except TimeoutError:
            pass

    # --- the page -------------------------------------------------------------------------

    def open_page(self, width, height, scale=1, mobile=False):
        """Opens a new tab, attaches to it, and enables the Page, Runtime and Log domains."""
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True},
                                 session=False)["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.send(f"{domain}.enable")
        self.set_viewport(width, height, scale, mobile)

    def set_viewport(self, width, height, scale=1, mobile=False):
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": scale, "mobile": mobile})

    def navigate(self, url):
        """Opens url and waits for its load event."""
        self.forget("Page.loadEventFired")
        self.send("Page.navigate", {"url": url})
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression, strict=True):
        """The value of a JavaScript expression in the page. If it throws, raises, or with
        strict=False returns None."""
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            if not strict:
                return None
            raise RuntimeError(f"script failed: {expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def key(self, key, code, keycode, text=None):
        """Presses and releases one key; text is what it types, if anything (\"\\r\" for Enter)."""
        keys = {"key": key, "code": code, "windowsVirtualKeyCode": keycode, "nativeVirtualKeyCode": keycode}
        down = {"type": "keyDown", **keys}
        if text is not None:
            down["text"] = text
        self.send("Input.dispatchKeyEvent", down)
        self.send("Input.dispatchKeyEvent", {"type": "keyUp", **keys})

    def screenshot(self, path, full_page=False, clip=None):
        """Saves a PNG of the viewport; of the whole page with full_page; or of the rectangle
        clip = (width, height) from the top left corner."""
        params = {"format": "png"}
        if full_page and clip is None:
            clip = (self.evaluate("document.documentElement.scrollWidth"),
                    self.evaluate("document.documentElement.scrollHeight"))
        if clip is not None:
            params["captureBeyondViewport"] = True
            params["clip"] = {"x": 0, "y": 0, "width": clip[0], "height": clip[1], "scale": 1}
        data = self.send("Page.captureScreenshot", params)["data"]
        pathlib.Path(path).write_bytes(base64.b64decode(data))

    def console_errors(self):
        """What went wrong in the page so far, as (kind, detail, text):
        ("exception", None, description) for an uncaught exception,
        ("console", type, arguments) for console.error or a failed console.assert,
        ("log", source, "text url") for an error Chromium logged (a failed load, a CSP violation)."""
        errors = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                errors.append(("exception", None,
                               details.get("exception", {}).get("description", details.get("text", ""))))
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                errors.append(("console", params["type"],
                               " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))))
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                entry = params["entry"]
                errors.append(("log", entry.get("source"), f"{entry.get('text')} {entry.get('url', '')}"))
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
            self.process.wait()
        for fd in (self.to_child, self.from_child):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)
