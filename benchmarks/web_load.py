"""Load on the story ledger page: requests/s and latency percentiles, with a store of 1,000 articles.

    python benchmarks/web_load.py [--db PATH] [--articles 1000] [--requests 500] [--concurrency 8]
                                  [--time-cap 60]

The store is built once (and reused on later runs): the invented ``examples/`` articles are varied
into ``--articles`` documents — each keeps an example's headline, outlet and date but gets a few
paragraphs drawn from all of its story's articles, other invented names and places, changed figures,
and each round of variants is dated 30 days after the last — so that they make separate stories of
about the examples' size rather than one story of near-duplicates (wire copies join stories whatever
their dates). They are ingested through the whole pipeline (spaCy; minutes) and linked.

The load is bounded: ``--requests`` GETs of ``/stories/<id>`` (cycling through every story), sent by
``--concurrency`` clients to ``claimledger serve`` on 127.0.0.1 in a separate process, stopped at
``--time-cap`` seconds whatever is left. Prints requests/s, p50/p99 latency and any non-200 answers.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

import httpx

from claimledger.ingest import read_inputs
from claimledger.model import Article
from claimledger.store import Store, open_store
from claimledger.store.ingest import ingest_paths
from claimledger.web.relinking import relink

REPO = Path(__file__).resolve().parent.parent
PARAGRAPHS = 6  # body paragraphs per generated article
DAYS_BETWEEN_VARIANTS = 30
# Invented replacements for the examples' invented names and places.
FIRST = ["Aldo", "Brina", "Cass", "Doran", "Elke", "Fenna", "Goran", "Hedda", "Ivo", "Jarna", "Kest", "Lio"]
LAST = ["Aubert", "Brisk", "Corran", "Dunmore", "Eskel", "Farrow", "Gant", "Holm", "Ister", "Jessop", "Kade", "Lorne"]
PLACES = ["Almsford", "Brenholt", "Cairnwick", "Dunmere", "Eskerby", "Fallow Cross", "Greywater", "Hollin"]
NAMES = {"Dariusz": FIRST, "Halvorsen": LAST, "Leena": FIRST, "Haldane": LAST, "Ramzan": FIRST, "Terek": LAST,
         "Anton": FIRST, "Sedlak": LAST, "Ilya": FIRST, "Varga": LAST, "Helena": FIRST, "Marsh": LAST,
         "Anna": FIRST, "Petrov": LAST, "Tomasz": FIRST, "Brenner": LAST, "Miriam": FIRST, "Osei": LAST,
         "Orvik": PLACES, "Kestrel": PLACES, "Tarnby": PLACES, "Ressa": PLACES, "Lussan": PLACES}
_NAME = re.compile(r"\b(" + "|".join(NAMES) + r")\b")
_FIGURE = re.compile(r"(?<![\d,.])(?:\d{1,3}(?:,\d{3})+|\d{2,3})(?![\d,.]?\d)")  # 40, 2,000; not 2026 or 3.5


def variant(article: Article, pool: list[str], number: int, rng: random.Random) -> dict:
    """Article ``number`` of the generated corpus, as a JSON Lines record: an example's headline, outlet
    and date with a few paragraphs drawn from its story's ``pool``, names swapped and figures changed."""
    swaps = {name: choices[(number * 7 + i) % len(choices)] for i, (name, choices) in enumerate(NAMES.items())}
    text = _NAME.sub(lambda m: swaps[m.group(1)], "\n\n".join(rng.sample(pool, PARAGRAPHS)))
    text = _FIGURE.sub(lambda m: f"{int(m.group().replace(',', '')) + rng.randrange(1, 40):,}", text)
    published = date.fromisoformat(article.published[:10]) + timedelta(days=DAYS_BETWEEN_VARIANTS * number)
    return {"id": f"bench-{number:03d}-{article.document_id}", "title": _NAME.sub(lambda m: swaps[m.group(1)], article.title),
            "text": text, "outlet": article.outlet, "url": article.url, "published": published.isoformat()}


def generated_corpus(size: int, seed: int = 7) -> list[dict]:
    """``size`` varied articles, the examples' order repeated variant after variant."""
    examples = [item for item in read_inputs([REPO / "examples"]) if isinstance(item, Article)]
    pools: dict[str, list[str]] = defaultdict(list)  # body paragraphs by story; the two stories are a month apart
    for article in examples:
        pools[article.published[:7]] += article.text[article.title_span[1]:].strip("\n").split("\n\n")
    rng = random.Random(seed)
    return [variant(examples[i % len(examples)], pools[examples[i % len(examples)].published[:7]], i // len(examples), rng)
            for i in range(size)]


def build_store(path: Path, size: int) -> Store:
    """The benchmark store at ``path``, generated and ingested unless it already holds ``size`` documents."""
    store = open_store(str(path))
    if store.counts().documents >= size:
        return store
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in generated_corpus(size)), encoding="utf-8")
        started = time.perf_counter()
        summary = ingest_paths([corpus], store, progress=lambda s: print(f"  ingested {s.added}", end="\r", file=sys.stderr),
                               after_ingest=relink)
    print(f"ingested {summary.added} articles in {time.perf_counter() - started:.0f}s", file=sys.stderr)
    return store


def serve(db: Path) -> tuple[subprocess.Popen, str]:
    """``claimledger serve`` on a free port of 127.0.0.1, once it answers."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-c", "from claimledger.cli import run; run()", "serve", "--db", str(db),
                                "--port", str(port)])
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(base + "/api/stories?limit=1", timeout=2)
            return process, base
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("the server did not start")


def load(base: str, paths: list[str], requests: int, concurrency: int, time_cap: float) -> dict:
    """Send ``requests`` GETs (cycling through ``paths``) from ``concurrency`` clients, stopping at ``time_cap``."""
    deadline = time.monotonic() + time_cap
    latencies: list[float] = []
    failures: list[int] = []

    def worker(offset: int) -> None:
        with httpx.Client(base_url=base, timeout=30) as client:
            for index in range(offset, requests, concurrency):
                if time.monotonic() > deadline:
                    return
                started = time.perf_counter()
                response = client.get(paths[index % len(paths)])
                latencies.append(time.perf_counter() - started)
                if response.status_code != 200:
                    failures.append(response.status_code)

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(worker, range(concurrency)))
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {"requests": len(latencies), "seconds": elapsed, "rps": len(latencies) / elapsed,
            "p50_ms": 1000 * statistics.median(latencies), "p99_ms": 1000 * latencies[max(0, int(len(latencies) * 0.99) - 1)],
            "failures": failures}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "claimledger-web-bench.db")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--time-cap", type=float, default=60.0)
    args = parser.parse_args()
    with build_store(args.db, args.articles) as store:
        counts, stories = store.counts(), store.stories()
    sizes = sorted(len(story["documents"]) for story in stories)
    print(f"store: {counts.documents} documents, {counts.statements} statements, {counts.stories} stories "
          f"(documents per story: median {statistics.median(sizes):.0f}, max {sizes[-1]})")
    process, base = serve(args.db)
    try:
        result = load(base, [f"/stories/{story['id']}" for story in stories], args.requests, args.concurrency, args.time_cap)
    finally:
        process.terminate()
        process.wait(timeout=10)
    print(f"story ledger page: {result['requests']} requests in {result['seconds']:.1f}s, "
          f"{args.concurrency} clients: {result['rps']:.1f} requests/s, p50 {result['p50_ms']:.0f} ms, "
          f"p99 {result['p99_ms']:.0f} ms, non-200: {len(result['failures'])}")


if __name__ == "__main__":
    main()
