#!/usr/bin/env python3
"""Open an HTML file in headless Chromium, fail on any console error or uncaught exception,
check that the sortable tables sort, and save a full-page screenshot.

Talks the DevTools protocol over --remote-debugging-pipe (fds 3 and 4), so it needs no
network port and no package beyond Python's standard library.

usage: browser_check.py FILE.html SCREENSHOT.png [--sort-table ID]
"""
import base64, json, os, shutil, subprocess, sys, tempfile, time

def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("no chromium on PATH; install Debian's package: apt-get install -y chromium")

class Browser:
    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="techstack-chromium-")
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()
        def wire():
            os.dup2(to_chrome_r, 3)
            os.dup2(from_chrome_w, 4)
        args = [find_chromium(), "--headless=new", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars",
                "--user-data-dir=" + self.profile, "about:blank"]
        self.proc = subprocess.Popen(args, pass_fds=(3, 4), preexec_fn=wire,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_chrome, json.dumps(message).encode() + b"\0")
        return self.wait(lambda m: m.get("id") == self.next_id, what=method)

    def read(self, deadline):
        while b"\0" not in self.buffer:
            if time.time() > deadline:
                raise TimeoutError("chromium did not answer in time")
            chunk = os.read(self.from_chrome, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)

    def wait(self, predicate, what, timeout=30):
        deadline = time.time() + timeout
        while True:
            message = self.read(deadline)
            if "method" in message:
                self.events.append(message)
            if predicate(message):
                if "error" in message:
                    raise RuntimeError(f"{what}: {message['error']}")
                return message

    def close(self):
        try:
            os.write(self.to_chrome, json.dumps({"id": 0, "method": "Browser.close"}).encode() + b"\0")
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)

def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    page, shot = os.path.abspath(sys.argv[1]), sys.argv[2]
    sort_tables = [sys.argv[i + 1] for i, a in enumerate(sys.argv) if a == "--sort-table" and i + 1 < len(sys.argv)]
    browser = Browser()
    problems = []
    try:
        targets = browser.send("Target.getTargets")["result"]["targetInfos"]
        target = next(t["targetId"] for t in targets if t["type"] == "page")
        session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["result"]["sessionId"]
        for domain in ("Page.enable", "Runtime.enable", "Log.enable"):
            browser.send(domain, session=session)
        browser.send("Emulation.setDeviceMetricsOverride",
                     {"width": 1440, "height": 900, "deviceScaleFactor": 1, "mobile": False}, session=session)
        browser.send("Page.navigate", {"url": "file://" + page}, session=session)
        browser.wait(lambda m: m.get("method") == "Page.loadEventFired", what="load")
        time.sleep(0.5)

        metrics = browser.send("Page.getLayoutMetrics", session=session)["result"]
        height = int(metrics.get("cssContentSize", metrics.get("contentSize"))["height"])
        browser.send("Emulation.setDeviceMetricsOverride",
                     {"width": 1440, "height": min(height, 16000), "deviceScaleFactor": 1, "mobile": False}, session=session)
        time.sleep(0.3)
        data = browser.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}, session=session)
        with open(shot, "wb") as f:
            f.write(base64.b64decode(data["result"]["data"]))
        # The first screenful on its own, the way a reader first sees the page.
        top = browser.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                           "clip": {"x": 0, "y": 0, "width": 1440, "height": min(height, 1800), "scale": 1}}, session=session)
        with open(shot[:-4] + "-top.png" if shot.endswith(".png") else shot + "-top.png", "wb") as f:
            f.write(base64.b64decode(top["result"]["data"]))

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
            result = browser.send("Runtime.evaluate", {"expression": script, "returnByValue": True}, session=session)
            value = result["result"]["result"].get("value")
            if value != "ok":
                problems.append(f"sorting {table}: {value}")

        for event in browser.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                problems.append("uncaught exception: " + details.get("exception", {}).get("description", details.get("text", "")))
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                problems.append("console error: " + " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                entry = params["entry"]
                problems.append(f"{entry.get('source')} error: {entry.get('text')} {entry.get('url', '')}".strip())
    finally:
        browser.close()
    for problem in problems:
        print(f"{page}: {problem}", file=sys.stderr)
    print(f"{page}: {'FAILED' if problems else 'ok'}; screenshot {shot}")
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main())
