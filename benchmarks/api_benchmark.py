"""Content API throughput and latency, side by side with Wagtail's stock API and a static file.

Usage (after ``bin/demo`` has loaded the catalogue, or with DATABASE_URL pointing at a loaded
database; REDIS_URL makes the server use Redis for its response cache)::

    .venv/bin/python benchmarks/api_benchmark.py [--seconds 5]

One gunicorn server on 127.0.0.1 serves every target: our catalogue, a module detail and a
filtered e-library list; Wagtail's stock API v2 pages endpoint serving the same module (mounted
only in this benchmark's settings); and a static JSON file holding our module response, served by
WhiteNoise. Each target is warmed, then loaded with 1, 10 and 50 concurrent keep-alive clients.
Results, with ratios, replace the "Content API" section of docs/benchmarks.md.
"""

import argparse
import gzip
import http.client
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- content-api-benchmark:start -->", "<!-- content-api-benchmark:end -->"
CONCURRENCY = (1, 10, 50)
CLIENT_PROCESSES = 4
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def static_copy(port: int, static_root: Path) -> tuple[int, str]:
    """Our module response, built in-process, written where WhiteNoise will serve it."""
    import django

    django.setup()
    from django.test import Client

    from cms.modules.models import ModulePage

    module = ModulePage.objects.live().get(slug="teamwork-1", locale__language_code="en")
    body = Client(HTTP_HOST=f"{HOST}:{port}").get(f"/api/v1/modules/{module.pk}/").content
    (static_root / "module.json").write_bytes(body)
    return module.pk, body.decode()


def start_server(port: int, environment: dict) -> subprocess.Popen:
    command = [
        sys.executable, "-m", "gunicorn", "cms.wsgi", "--bind", f"{HOST}:{port}",
        "--workers", "2", "--worker-class", "gthread", "--threads", "8", "--keep-alive", "10",
    ]  # fmt: skip
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
        command, cwd=ROOT, env=environment, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            status, _body = fetch(port, "/api/v1/locales/")
            if status == 200:
                return process
        except OSError:
            time.sleep(0.3)
    process.terminate()
    raise RuntimeError("the benchmark server did not start")


def fetch(port: int, path: str, headers: dict | None = None) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


def _client_process(port: int, path: str, threads: int, seconds: float) -> tuple[list, int]:
    """One client process: ``threads`` keep-alive clients for ``seconds``; latencies in ms."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client() -> None:
        connection = http.client.HTTPConnection(HOST, port, timeout=30)
        mine, failed = [], 0
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    failed += 1
            except (OSError, http.client.HTTPException):
                failed += 1
                connection.close()
                connection = http.client.HTTPConnection(HOST, port, timeout=30)
                continue
            mine.append((time.perf_counter() - started) * 1000)
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    pool = [threading.Thread(target=client) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return latencies, errors[0]


def load(port: int, path: str, concurrency: int, seconds: float) -> dict:
    processes = min(concurrency, CLIENT_PROCESSES)
    shares = [concurrency // processes + (i < concurrency % processes) for i in range(processes)]
    started = time.monotonic()
    with ProcessPoolExecutor(processes) as executor:
        futures = [executor.submit(_client_process, port, path, share, seconds) for share in shares]
        results = [future.result() for future in futures]
    elapsed = time.monotonic() - started
    latencies = sorted(latency for result in results for latency in result[0])
    return {
        "rps": len(latencies) / min(elapsed, seconds + 1),
        "p50": statistics.median(latencies) if latencies else float("nan"),
        "p99": latencies[int(len(latencies) * 0.99) - 1] if latencies else float("nan"),
        "errors": sum(result[1] for result in results),
        "requests": len(latencies),
    }


def markdown(results: dict, targets: dict, facts: dict) -> str:
    lines = [
        START,
        "## Content API",
        "",
        f"Measured by `benchmarks/api_benchmark.py` on {facts['machine']} "
        f"({facts['cpus']} CPUs; server and clients share them), {facts['database']} "
        f"database, {facts['cache']} response cache; one gunicorn server (2 gthread workers "
        f"× 8 threads), keep-alive clients, {facts['seconds']} s per run after warming. "
        "Warm means the server's response cache holds the response, as it does in production "
        "between two publications.",
        "",
        "| target | clients | requests/s | p50 ms | p99 ms | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name in targets:
        for concurrency in CONCURRENCY:
            r = results[name][concurrency]
            lines.append(
                f"| {name} | {concurrency} | {r['rps']:.0f} | {r['p50']:.1f} | {r['p99']:.1f} "
                f"| {r['errors']} |"
            )
    lines += [
        "",
        "Module detail compared with the same module from the stock endpoint and from the file:",
        "",
        "| clients | ours ÷ stock API v2 (target ≥ 3) | ours ÷ static file (target ≥ 0.5) |",
        "| ---: | ---: | ---: |",
    ]
    for concurrency in CONCURRENCY:
        ours = results["module detail (ours)"][concurrency]["rps"]
        stock = results["module detail (stock API v2)"][concurrency]["rps"]
        static = results["module detail (static file)"][concurrency]["rps"]
        lines.append(f"| {concurrency} | {ours / stock:.1f} | {ours / static:.2f} |")
    lines += [
        "",
        f"A gzipped module detail (the showcase module, every block type) is "
        f"{facts['gzip_bytes'] / 1024:.1f} KB ({facts['plain_bytes'] / 1024:.1f} KB plain; "
        "target ≤ 30 KB).",
        END,
    ]
    return "\n".join(lines) + "\n"


def write_docs(section: str) -> None:
    text = DOCS.read_text() if DOCS.exists() else "# Benchmarks\n\n"
    if START in text and END in text:
        before, rest = text.split(START, 1)
        text = before + section + rest.split(END, 1)[1].lstrip("\n")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    DOCS.write_text(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="Duration of each run.")
    parser.add_argument("--no-docs", action="store_true", help="Print only.")
    arguments = parser.parse_args()

    static_root = Path(tempfile.mkdtemp(prefix="api-benchmark-"))
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "benchmarks.api_settings",
        "BENCHMARK_STATIC_ROOT": str(static_root),
        "ALLOWED_HOSTS": HOST,
    }
    os.environ.update(environment)
    sys.path.insert(0, str(ROOT))
    port = free_port()
    module_id, plain = static_copy(port, static_root)
    from django.conf import settings

    targets = {
        "catalogue (ours)": "/api/v1/catalogue/",
        "module detail (ours)": f"/api/v1/modules/{module_id}/",
        "library, filtered (ours)": "/api/v1/library/good-practices/?objective=employment",
        "module detail (stock API v2)": f"/api/v2/pages/{module_id}/",
        "module detail (static file)": "/module.json",
    }
    server = start_server(port, environment)
    try:
        for path in targets.values():
            for _ in range(20):
                status, _body = fetch(port, path)
                assert status == 200, (path, status)
        _status, zipped = fetch(port, targets["module detail (ours)"], {"Accept-Encoding": "gzip"})
        assert gzip.decompress(zipped).decode() == plain
        results = {}
        for name, path in targets.items():
            results[name] = {}
            for concurrency in CONCURRENCY:
                results[name][concurrency] = load(port, path, concurrency, arguments.seconds)
                r = results[name][concurrency]
                print(
                    f"{name:32} c={concurrency:<3} {r['rps']:8.0f} req/s  "
                    f"p50 {r['p50']:7.1f} ms  p99 {r['p99']:7.1f} ms  errors {r['errors']}"
                )
    finally:
        server.terminate()
        server.wait(timeout=30)
    facts = {
        "machine": f"{platform.system()} {platform.machine()}, Python {platform.python_version()}",
        "cpus": os.cpu_count(),
        "database": settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1],
        "cache": "Redis" if settings.REDIS_URL else "in-process memory",
        "seconds": arguments.seconds,
        "gzip_bytes": len(zipped),
        "plain_bytes": len(plain.encode()),
    }
    section = markdown(results, targets, facts)
    print(section)
    if not arguments.no_docs:
        write_docs(section)
        print(f"Written to {DOCS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
