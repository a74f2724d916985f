"""Content API throughput and latency, side by side with Wagtail's stock API and a static file.

Usage (after ``bin/demo`` has loaded the catalogue, or with DATABASE_URL pointing at a loaded
database; the production configuration needs REDIS_URL)::

    .venv/bin/python benchmarks/api_benchmark.py [--seconds 5] [--configurations production]

For each configuration one gunicorn server on 127.0.0.1 serves every target: our catalogue, a
module detail and a filtered e-library list; Wagtail's stock API v2 pages endpoint serving the
same module (mounted only in this benchmark's settings); and a static JSON file holding our module
response, served by WhiteNoise. Each target is warmed, then loaded with 1, 10 and 50 concurrent
keep-alive clients. The configurations:

- ``in-process``: the response cache in each process's memory (no REDIS_URL), as on a
  developer's machine or the demo;
- ``production``: the response cache in Redis and the request metrics in prometheus_client's
  multiprocess mode, as production runs (several web processes must share both);
- ``no-metrics``: the production configuration without the request metrics middleware, module
  detail and static file only: what the metrics cost.

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


MODULE, STATIC, STOCK = (
    "module detail (ours)",
    "module detail (static file)",
    ("module detail (stock API v2)"),
)
RATIO_GOAL, P99_GOAL = 0.6, 1.5
MULTIPROC_VARIABLE = "PROMETHEUS_MULTIPROC_DIR"
CONFIGURATIONS = {
    "in-process": "in-process memory response cache (no Redis), request metrics in-process",
    "production": "Redis response cache, request metrics in prometheus_client's multiprocess mode",
    "no-metrics": "as production, without the request metrics middleware",
}


def results_table(results: dict) -> list[str]:
    lines = [
        "| target | clients | requests/s | p50 ms | p99 ms | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, by_concurrency in results.items():
        for concurrency, r in by_concurrency.items():
            lines.append(
                f"| {name} | {concurrency} | {r['rps']:.0f} | {r['p50']:.1f} | {r['p99']:.1f} "
                f"| {r['errors']} |"
            )
    return lines


def ratios_table(results: dict) -> list[str]:
    lines = [
        f"| clients | ours ÷ stock API v2 (target ≥ 3) | ours ÷ static file (goal ≥ {RATIO_GOAL}) "
        f"| p99 ours ÷ static file (goal ≤ {P99_GOAL} at 50) |",
        "| ---: | ---: | ---: | ---: |",
    ]
    for concurrency in CONCURRENCY:
        ours, static = results[MODULE][concurrency], results[STATIC][concurrency]
        stock = results[STOCK][concurrency]["rps"] if STOCK in results else float("nan")
        lines.append(
            f"| {concurrency} | {ours['rps'] / stock:.1f} | {ours['rps'] / static['rps']:.2f} "
            f"| {ours['p99'] / static['p99']:.2f} |"
        )
    return lines


def verdict(results: dict) -> str:
    ratios = [results[MODULE][c]["rps"] / results[STATIC][c]["rps"] for c in CONCURRENCY]
    p99 = results[MODULE][50]["p99"] / results[STATIC][50]["p99"]
    met = min(ratios) >= RATIO_GOAL and p99 <= P99_GOAL
    return (
        f"Goals {'met' if met else 'missed'}: lowest ratio {min(ratios):.2f} "
        f"(goal ≥ {RATIO_GOAL}), p99 at 50 clients {p99:.2f} × the static file's "
        f"(goal ≤ {P99_GOAL})."
    )


def medians(rounds: list[dict]) -> dict:
    """Each cell's median over the rounds (errors: their sum)."""
    combined: dict = {}
    for name, by_concurrency in rounds[0].items():
        combined[name] = {}
        for concurrency in by_concurrency:
            cells = [measured[name][concurrency] for measured in rounds]
            combined[name][concurrency] = {
                key: statistics.median(cell[key] for cell in cells) for key in ("rps", "p50", "p99")
            } | {"errors": sum(cell["errors"] for cell in cells)}
    return combined


def markdown(runs: dict, facts: dict) -> str:
    lines = [
        START,
        "## Content API",
        "",
        f"Measured by `benchmarks/api_benchmark.py` on {facts['machine']} "
        f"({facts['cpus']} CPUs; server and clients share them; load average {facts['load']} "
        f"at the start: the machine is shared), {facts['database']} database; one gunicorn "
        f"server (2 gthread workers × 8 threads) per configuration, keep-alive clients, "
        f"{facts['seconds']} s per run after warming; {facts['rounds']} round(s) of every "
        f"configuration, interleaved, each cell the median of the rounds (load average "
        f"{facts['load_after']} at the end). Warm means the server's response cache holds the "
        "response, as it does in production between two publications.",
    ]
    for configuration, results in runs.items():
        lines += ["", f"### {configuration}: {CONFIGURATIONS[configuration]}", ""]
        lines += results_table(results)
        if configuration == "no-metrics" and "production" in runs:
            lines += [
                "",
                "What the request metrics cost: module detail ÷ static file, each measured in the "
                "same server:",
                "",
                "| clients | with metrics (production) | without (no-metrics) |",
                "| ---: | ---: | ---: |",
            ]
            for concurrency in CONCURRENCY:
                ratios = [
                    measured[MODULE][concurrency]["rps"] / measured[STATIC][concurrency]["rps"]
                    for measured in (runs["production"], results)
                ]
                lines.append(f"| {concurrency} | {ratios[0]:.2f} | {ratios[1]:.2f} |")
            continue
        comparison = "Module detail compared with the same module from the stock endpoint and file:"
        lines += ["", comparison, "", *ratios_table(results), "", verdict(results)]
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


def server_environment(configuration: str, base: dict, redis_url: str) -> dict:
    """The server's environment: which cache, and where multiprocess metrics go."""
    # prometheus_client turns multiprocess mode on when the variable exists, even empty.
    environment = {name: value for name, value in base.items() if name != MULTIPROC_VARIABLE}
    environment["REDIS_URL"] = ""
    if configuration != "in-process":
        environment["REDIS_URL"] = redis_url
        environment[MULTIPROC_VARIABLE] = tempfile.mkdtemp(prefix="api-benchmark-metrics-")
    if configuration == "no-metrics":
        environment["BENCHMARK_WITHOUT_REQUEST_METRICS"] = "true"
    return environment


def run(port: int, targets: dict, environment: dict, seconds: float) -> tuple[dict, bytes]:
    server = start_server(port, environment)
    try:
        for path in targets.values():
            for _ in range(20):
                status, _body = fetch(port, path)
                assert status == 200, (path, status)
        _status, zipped = fetch(port, targets[MODULE], {"Accept-Encoding": "gzip"})
        results: dict = {}
        for name, path in targets.items():
            results[name] = {}
            for concurrency in CONCURRENCY:
                results[name][concurrency] = r = load(port, path, concurrency, seconds)
                print(
                    f"{name:32} c={concurrency:<3} {r['rps']:8.0f} req/s  "
                    f"p50 {r['p50']:7.1f} ms  p99 {r['p99']:7.1f} ms  errors {r['errors']}"
                )
    finally:
        server.terminate()
        server.wait(timeout=30)
    return results, zipped


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="Duration of each run.")
    parser.add_argument(
        "--configurations",
        nargs="+",
        choices=list(CONFIGURATIONS),
        default=list(CONFIGURATIONS),
        help="Which server configurations to measure (default: all, in this order).",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="Measure every configuration this many times, interleaved; report the medians.",
    )
    parser.add_argument("--no-docs", action="store_true", help="Print only.")
    arguments = parser.parse_args()

    redis_url = os.environ.get("REDIS_URL", "")
    if not redis_url and set(arguments.configurations) - {"in-process"}:
        parser.error("the production configurations need REDIS_URL")
    static_root = Path(tempfile.mkdtemp(prefix="api-benchmark-"))
    base = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "benchmarks.api_settings",
        "BENCHMARK_STATIC_ROOT": str(static_root),
        "ALLOWED_HOSTS": HOST,
    }
    # The static copy is built in this process, which needs no shared cache.
    os.environ.update(base, REDIS_URL="")
    sys.path.insert(0, str(ROOT))
    port = free_port()
    module_id, plain = static_copy(port, static_root)
    from django.conf import settings

    targets = {
        "catalogue (ours)": "/api/v1/catalogue/",
        MODULE: f"/api/v1/modules/{module_id}/",
        "library, filtered (ours)": "/api/v1/library/good-practices/?objective=employment",
        STOCK: f"/api/v2/pages/{module_id}/",
        STATIC: "/module.json",
    }
    load_average = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    rounds: dict[str, list[dict]] = {name: [] for name in arguments.configurations}
    for number in range(1, arguments.rounds + 1):
        for configuration in arguments.configurations:
            print(f"-- round {number}, {configuration}: {CONFIGURATIONS[configuration]}")
            chosen = targets
            if configuration == "no-metrics":
                chosen = {name: targets[name] for name in (MODULE, STATIC)}
            environment = server_environment(configuration, base, redis_url)
            results, zipped = run(port, chosen, environment, arguments.seconds)
            assert gzip.decompress(zipped).decode() == plain
            rounds[configuration].append(results)
    runs = {configuration: medians(measured) for configuration, measured in rounds.items()}
    load_after = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    facts = {
        "machine": f"{platform.system()} {platform.machine()}, Python {platform.python_version()}",
        "cpus": os.cpu_count(),
        "load": load_average,
        "load_after": load_after,
        "rounds": arguments.rounds,
        "database": settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1],
        "seconds": arguments.seconds,
        "gzip_bytes": len(zipped),
        "plain_bytes": len(plain.encode()),
    }
    section = markdown(runs, facts)
    print(section)
    if not arguments.no_docs:
        write_docs(section)
        print(f"Written to {DOCS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
