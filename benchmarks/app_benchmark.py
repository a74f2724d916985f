"""The learners' app on a slow phone network: time to the first module text and bytes
transferred, on a first visit, under Chromium's "Slow 3G" (DevTools' preset: 2 s latency,
400 kbit/s each way) set through CDP's Network.emulateNetworkConditions.

Usage, with a server running the demo (``bin/demo``) or any CMS that serves the app::

    .venv/bin/python benchmarks/app_benchmark.py [--url http://127.0.0.1:8000] [--module 35]
        [--runs 5]

For English and Arabic, several times each, it opens a fresh browser (empty cache, no service
worker) straight on a module and times the first paint of the module's first section text, as
the browser itself reports it (Element Timing: the text's render time from the start of the
navigation). It counts the bytes Chromium received (as sent on the wire, compressed) by then and
once the network is idle: the app's files (HTML, JS, CSS, fonts, interface texts) apart from the
content (API, images). The built files' gzipped sizes are listed too. Results replace the
"Learners' app" section of docs/benchmarks.md.

The browser's own clock, not Playwright's: a locator's wait polls less and less often (every
500 ms after the first second), which added up to half a second to what it measured.
"""

import argparse
import gzip
import os
import platform
import statistics
import sys
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

DOCS = ROOT / "docs" / "benchmarks.md"
DIST = ROOT / "frontend_contract" / "app" / "dist"
START, END = "<!-- learners-app-benchmark:start -->", "<!-- learners-app-benchmark:end -->"
SLOW_3G = {
    "offline": False,
    "latency": 2000,
    "downloadThroughput": 50_000,
    "uploadThroughput": 50_000,
}
PHONE = {"width": 360, "height": 740}
FIRST_TEXT = ".block-section .rich p"
# Marks the first section paragraph for Element Timing as it is inserted (a mutation observer runs
# before the next paint) and keeps its render time.
TIME_FIRST_TEXT = f"""
new PerformanceObserver((list) => {{
  for (const entry of list.getEntries())
    if (entry.identifier === "first-text") window.firstTextPainted = entry.renderTime;
}}).observe({{ type: "element", buffered: true }});
new MutationObserver((_, observer) => {{
  const text = document.querySelector("{FIRST_TEXT}");
  if (!text) return;
  text.setAttribute("elementtiming", "first-text");
  observer.disconnect();
}}).observe(document, {{ subtree: true, childList: true }});
"""
METHOD = (
    "Measured by `benchmarks/app_benchmark.py` on {system} {machine}, Debian's Chromium through "
    'Playwright, a 360×740 viewport, Chromium\'s "Slow 3G" (2 s latency, 400 kbit/s) set by CDP '
    "`Network.emulateNetworkConditions`, first visit (empty cache, no service worker), straight "
    "to the showcase module, server on the same machine ({server}), load average {load} "
    "(2 cores shared with other work). First module text: when the browser painted the module's "
    "first section text (Element Timing), from the start of the navigation; median of {runs} "
    "runs, fastest – slowest, bytes from the median run. Budgets: the app's files ≤ 150 KB "
    "gzipped before content, JS ≤ 60 KB gzipped; goal: first module text ≤ 5 s."
)
HEADER = (
    "| language | first module text (s) | range (s) | app received by then (KB) "
    "| content received by then (KB) | app received in all (KB) | fonts loaded |"
)


def first_visit(url: str, module: int, language: str) -> dict:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(locale=language, viewport=PHONE, service_workers="block")
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        cdp.send("Network.emulateNetworkConditions", SLOW_3G)
        urls: dict[str, str] = {}
        received = {"app": 0, "content": 0}
        cdp.on(
            "Network.requestWillBeSent",
            lambda e: urls.update({e["requestId"]: e["request"]["url"]}),
        )

        def finished(event: dict) -> None:
            path = urlsplit(urls.get(event["requestId"], "")).path
            kind = "app" if path.startswith("/app/") else "content"
            received[kind] += int(event["encodedDataLength"])

        cdp.on("Network.loadingFinished", finished)
        context.add_init_script(TIME_FIRST_TEXT)
        page.goto(f"{url}/app/#/module/{module}", wait_until="commit", timeout=120_000)
        painted = page.wait_for_function("() => window.firstTextPainted", timeout=120_000)
        seconds = painted.json_value() / 1000
        before_content = dict(received)
        page.wait_for_load_state("networkidle", timeout=120_000)
        in_all = dict(received)
        fonts = page.evaluate(
            "performance.getEntriesByType('resource').map(r => r.name)"
            ".filter(n => n.endsWith('.woff2')).map(n => n.split('/').pop())"
        )
        browser.close()
    return {
        "seconds": seconds,
        "received": before_content,
        "in_all": in_all,
        "fonts": sorted(set(fonts)),
    }


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument(
        "--module", type=int, default=35, help="a module id (the showcase is 35 on the demo)"
    )
    parser.add_argument("--runs", type=int, default=5, help="first visits per language")
    parser.add_argument(
        "--server", default="runserver --insecure, DEBUG off", help="what serves the app"
    )
    arguments = parser.parse_args()
    rows = []
    loads = [os.getloadavg()[0]]
    for language in ("en", "ar"):
        results = []
        for _run in range(arguments.runs):
            results.append(first_visit(arguments.url, arguments.module, language))
            loads.append(os.getloadavg()[0])
            print(f"{language}: {results[-1]['seconds']:.2f} s")
        times = sorted(r["seconds"] for r in results)
        result = sorted(results, key=lambda r: r["seconds"])[len(results) // 2]
        rows.append(
            f"| {language} | {statistics.median(times):.2f} | {times[0]:.2f} – {times[-1]:.2f} "
            f"| {result['received']['app'] / 1024:.1f} "
            f"| {result['received']['content'] / 1024:.1f} | {result['in_all']['app'] / 1024:.1f} "
            f"| {', '.join(result['fonts'])} |"
        )
        print(rows[-1])
    sizes = [
        f"| `{p.relative_to(DIST)}` | {gzipped(p) / 1024:.1f} |"
        for p in [
            DIST / "index.html",  # with the app's code and style inline
            *sorted((DIST / "chunks").glob("*.js")),  # loaded later, if at all
            DIST / "i18n" / "ar.js",
            DIST / "sw.js",
        ]
    ]
    section = "\n".join(
        [
            START,
            "## Learners' app",
            "",
            METHOD.format(
                system=platform.system(),
                machine=platform.machine(),
                server=arguments.server,
                load=f"{min(loads):.1f}–{max(loads):.1f}",
                runs=arguments.runs,
            ),
            "",
            HEADER,
            "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
            *rows,
            "",
            "Built files, gzipped (level 9):",
            "",
            "| file | KB |",
            "| --- | ---: |",
            *sizes,
            END,
        ]
    )
    text = DOCS.read_text()
    if START in text:
        text = text[: text.index(START)] + section + text[text.index(END) + len(END) :]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    DOCS.write_text(text)


if __name__ == "__main__":
    main()
