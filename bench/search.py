"""Search and filtered lists at scale, on SQLite and PostgreSQL.

    .venv/bin/python -m bench.search [--scale 0.1] [--db sqlite,postgres]

For each database, a worker process migrates a fresh database, generates a
small site (1,000 pages) and measures it: that is the reference. It then
grows the same site to full size (10,000 fiches, 100,000 resources, 20,000
brèves at scale 1) and measures again. Every request goes through Django's
test client, the whole view and template. Figures are ratios against the
reference measured in the same run, never pass/fail timings.
"""

import argparse
import json
import logging
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "search.json"
FULL = {"tools": 10_000, "resources": 100_000, "news": 20_000}
REFERENCE_PAGES = 1_000
TARGET_P95_MS = 20.0
SLOW_MS = 1000.0
# "12 résultats pour", or "Plus de 200 résultats pour" past the count cap
# (thousands separated by a no-break space).
COUNT = re.compile(r"(\d[\d\u00a0\u202f ]*)\s+résultats?\s+pour")


def log(message: str) -> None:
    print(message, flush=True)  # noqa: T201


# Worker: runs inside one database's environment, Django set up.


def _create_postgres_database(url: str) -> None:
    """bin/with-postgres starts an empty cluster: create the database."""
    import psycopg

    dbname = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as db:
        exists = db.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [dbname]
        ).fetchone()
        if not exists:
            db.execute(f'CREATE DATABASE "{dbname}"')


def _percentiles(samples: list[float]) -> dict:
    ordered = sorted(samples)

    def rank(p):
        return ordered[min(len(ordered) - 1, max(0, round(p * len(ordered)) - 1))]

    return {
        "p50": round(statistics.median(ordered), 2),
        "p95": round(rank(0.95), 2),
        "max": round(ordered[-1], 2),
        "n": len(ordered),
    }


def _measure(client, urls: list[str], passes: int) -> tuple[dict, dict]:
    """One warm-up pass, then `passes` timed passes; ms per request.

    A request slower than SLOW_MS is not repeated: its warm-up time is its
    only sample, so that a slow search cannot make the run last hours.
    """
    statuses, per_url, counts = {}, {}, {}
    for url in urls:
        began = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - began) * 1000
        statuses[url] = response.status_code
        found = COUNT.search(response.content.decode())
        counts[url] = int(re.sub(r"\D", "", found.group(1))) if found else None
        per_url[url] = [elapsed] if elapsed > SLOW_MS else []
    for _ in range(passes):
        for url in urls:
            if per_url[url] and per_url[url][0] > SLOW_MS:
                continue
            began = time.perf_counter()
            client.get(url)
            per_url[url].append((time.perf_counter() - began) * 1000)
    return per_url, statuses, counts


def _search_url(query: str) -> str:
    return "/recherche/?q=" + quote(query)


def measure_site(client, passes: int) -> dict:
    from bench.queries import INDEX_PAGES, QUERIES, TRIVIAL_PAGE

    figures, found = {}, {}
    samples_all = []
    slowest = []
    errors = {}
    for kind, queries in QUERIES.items():
        urls = [_search_url(q) for q in queries]
        per_url, statuses, counts = _measure(client, urls, passes)
        found.update({q: counts[_search_url(q)] for q in queries})
        samples = [t for times in per_url.values() for t in times]
        samples_all += samples
        figures[f"recherche : {kind}"] = _percentiles(samples)
        slowest += [(statistics.median(t), url) for url, t in per_url.items()]
        errors.update({u: s for u, s in statuses.items() if s != 200})
    figures["recherche : toutes"] = _percentiles(samples_all)
    per_url, statuses, _counts = _measure(client, INDEX_PAGES, passes)
    figures["listes filtrées"] = _percentiles([t for v in per_url.values() for t in v])
    errors.update({u: s for u, s in statuses.items() if s != 200})
    slowest += [(statistics.median(t), url) for url, t in per_url.items()]
    per_url, statuses, _counts = _measure(client, [TRIVIAL_PAGE], passes * 20)
    figures["page simple (/a-propos/)"] = _percentiles(per_url[TRIVIAL_PAGE])
    errors.update({u: s for u, s in statuses.items() if s != 200})
    slowest.sort(reverse=True)
    return {
        "figures": figures,
        "slowest": [{"url": u, "p50_ms": round(t, 1)} for t, u in slowest[:15]],
        "errors": errors,
        "counts": found,
    }


def check_results(counts: dict) -> dict:
    """Does the search find what the generated text holds?"""
    from modelsearch.backends import get_search_backend
    from wagtail.models import Page
    from wagtail.search.query import Phrase

    from bench.queries import CHECK_WORDS, QUERIES
    from diese.news.models import NewsPage
    from diese.resources.models import ResourcePage
    from diese.search import views
    from diese.search.query import plan
    from diese.tools.models import ToolPage

    texts = {
        ToolPage: ["title", "summary", "objectives", "description", "observations"],
        ResourcePage: ["title", "summary", "description"],
        NewsPage: ["title", "summary", "body"],
    }
    expected = dict.fromkeys(CHECK_WORDS, 0)
    patterns = {w: re.compile(p, re.IGNORECASE) for w, p in CHECK_WORDS.items()}
    patterns["RSA"] = re.compile(CHECK_WORDS["RSA"])
    for model, fields in texts.items():
        for row in model.objects.live().values_list(*fields).iterator(chunk_size=5000):
            text = " ".join(row)
            for word, pattern in patterns.items():
                if pattern.search(text):
                    expected[word] += 1

    # The page stops counting at COUNT_CAP: count these words through the
    # same search code with the cap lifted.
    backend = sys.modules[type(get_search_backend()).__module__]
    capped, backend.COUNT_CAP = backend.COUNT_CAP, 10**9
    try:
        exact = {
            word: views.public_results(plan(word).query).count() for word in CHECK_WORDS
        }
    finally:
        backend.COUNT_CAP = capped
    words = {
        word: {
            "attendu (regex)": expected[word],
            "trouvé": exact[word],
            "affiché": counts.get(word),
        }
        for word in CHECK_WORDS
    }
    for figures in words.values():
        found = figures["trouvé"]
        figures["ok"] = found >= figures["attendu (regex)"] > 0

    # Twenty pages spread over the tree: their exact title, as a phrase,
    # must find them.
    pages = list(Page.objects.filter(depth=4).order_by("path"))
    sample = pages[:: max(1, len(pages) // 20)][:20]
    missed = []
    for page in sample:
        found = Page.objects.live().public().search(Phrase(page.title))
        if page.pk not in {result.pk for result in found}:
            missed.append(page.title)

    by_kind = {}
    for kind, queries in QUERIES.items():
        by_kind[kind] = {
            "requêtes": len(queries),
            "sans résultat": sorted(q for q in queries if counts.get(q) == 0),
            "compte illisible": sorted(q for q in queries if counts.get(q) is None),
        }
    return {
        "mots": words,
        "titres exacts retrouvés": f"{len(sample) - len(missed)}/{len(sample)}",
        "titres manqués": missed,
        "par type": by_kind,
    }


def _machine(vendor: str) -> dict:
    import django
    import wagtail
    from django.db import connection

    cpu = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with connection.cursor() as cursor:
        if vendor == "sqlite":
            cursor.execute("SELECT sqlite_version()")
        else:
            cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    return {
        "cpu": cpu,
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "system": platform.platform(),
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "database": f"{vendor} {version}",
    }


def worker(db: str, scale: float, seed: int, passes: int, out: Path) -> None:
    if db == "postgres":
        _create_postgres_database(os.environ["DATABASE_URL"])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "diese.settings.test")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from bench.data import generate
    from diese.core.services import site_setup

    began = time.perf_counter()
    call_command("migrate", verbosity=0)
    site_setup()
    log(f"[{db}] base migrée en {time.perf_counter() - began:.1f} s")
    full = {kind: round(n * scale) for kind, n in FULL.items()}
    total = sum(full.values())
    small = {k: round(n * REFERENCE_PAGES / total) for k, n in full.items()}
    rest = {k: full[k] - small[k] for k in full}
    # Errors are counted, not raised nor logged 800 times.
    logging.getLogger("django.request").setLevel(logging.CRITICAL)
    client = Client(raise_request_exception=False)
    result = {"db": db, "sizes": {"référence": small, "complet": full}}

    log(f"[{db}] référence : {sum(small.values())} pages")
    report = generate(seed=seed, log=log, **small)
    result["reference"] = measure_site(client, passes)

    log(f"[{db}] volume complet : {total} pages")
    report = generate(seed=seed, log=log, **rest)
    if report.problems:
        raise SystemExit(f"Arbre des pages incohérent : {report.problems}")
    result["generation_s"] = round(report.generation_s, 1)
    result["indexing_s"] = round(report.indexing_s, 1)
    if db == "postgres":
        # What autovacuum would do after a bulk load: planner statistics.
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    log(f"[{db}] mesures")
    result["full"] = measure_site(client, passes)
    log(f"[{db}] vérification des résultats")
    result["checks"] = check_results(result["full"]["counts"])
    result["machine"] = _machine("sqlite" if db == "sqlite" else "postgresql")
    result["worker_s"] = round(time.perf_counter() - began, 1)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2))


# Orchestrator: one worker process per database, then the table.


def run_worker(db: str, args, workdir: Path) -> dict:
    out = workdir / f"{db}.json"
    command = [
        sys.executable,
        "-m",
        "bench.search",
        "--worker",
        db,
        "--out",
        str(out),
        "--scale",
        str(args.scale),
        "--seed",
        str(args.seed),
        "--passes",
        str(args.passes),
    ]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "diese.settings.test"}
    if db == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    else:
        env.pop("DATABASE_URL", None)
        command = [str(ROOT / "bin" / "with-postgres"), *command]
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    return json.loads(out.read_text())


def print_table(results: list[dict]) -> None:
    header = (
        f"{'base':<11}{'mesure':<30}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}"
        f"{'réf p95':>9}{'× réf':>7}{'× page':>8}"
    )
    log("")
    log(header)
    log("-" * len(header))
    for result in results:
        trivial = result["full"]["figures"]["page simple (/a-propos/)"]["p50"]
        for name, full in result["full"]["figures"].items():
            ref = result["reference"]["figures"][name]
            log(
                f"{result['db']:<11}{name:<30}{full['p50']:>9.1f}{full['p95']:>9.1f}"
                f"{full['max']:>9.1f}{ref['p95']:>9.1f}"
                f"{full['p95'] / ref['p95']:>7.1f}{full['p50'] / trivial:>8.1f}"
            )
    log("")
    log(
        "× réf : p95 au volume complet / p95 sur la référence de "
        f"{REFERENCE_PAGES} pages ; × page : p50 / p50 de /a-propos/. "
        f"Cible du ticket #4 : p95 ≤ {TARGET_P95_MS:.0f} ms par recherche."
    )
    for result in results:
        log(
            f"\n{result['db']} : génération {result['generation_s']} s, "
            f"indexation {result['indexing_s']} s, total {result['worker_s']} s"
        )
        checks = result["checks"]
        for word, figures in checks["mots"].items():
            status = "ok" if figures["ok"] else "MANQUE"
            log(
                f"  {word:<14} attendu ≥ {figures['attendu (regex)']:>6}, "
                f"trouvé {figures['trouvé']}  {status}"
            )
        log(f"  titres exacts retrouvés : {checks['titres exacts retrouvés']}")
        for kind, figures in checks["par type"].items():
            empty = figures["sans résultat"]
            log(
                f"  {kind:<16} sans résultat : {len(empty)}/{figures['requêtes']}"
                + (
                    f" ({', '.join(empty[:8])}{'…' if len(empty) > 8 else ''})"
                    if empty
                    else ""
                )
            )
        if result["full"]["errors"]:
            log(f"  ERREURS HTTP : {result['full']['errors']}")
        log(
            "  plus lentes : "
            + ", ".join(
                f"{s['url']} {s['p50_ms']} ms" for s in result["full"]["slowest"][:5]
            )
        )


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--scale", type=float, default=float(os.environ.get("BENCH_SCALE", 1.0))
    )
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--db", default="sqlite,postgres")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args.worker, args.scale, args.seed, args.passes, args.out)
        return

    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="diese-bench-") as workdir:
        results = [
            run_worker(db, args, Path(workdir)) for db in args.db.split(",") if db
        ]
    print_table(results)
    document = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "seed": args.seed,
        "scale": args.scale,
        "passes": args.passes,
        "target_p95_ms": TARGET_P95_MS,
        "duration_s": round(time.perf_counter() - began, 1),
        "results": results,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    log(f"\nRésultats écrits dans {args.out} ({document['duration_s']} s en tout).")


if __name__ == "__main__":
    main()
