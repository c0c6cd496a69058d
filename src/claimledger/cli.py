"""The ``claimledger`` command: a thin layer over the library that parses options and prints.

Exit status: 0 when every input was analysed; 2 when any input was rejected (one line each on
stderr, the rest still analysed) or the command line is wrong; 1 on an internal error.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from claimledger import __version__
from claimledger.errors import ClaimledgerError, InputError, UsageError

if TYPE_CHECKING:
    from claimledger.store import Store  # imported late at run time: opening a store loads SQLAlchemy

app = typer.Typer(
    help="claimledger: who claims what in the news, who denies it, and where the numbers disagree.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
stderr = Console(stderr=True, highlight=False)

EXIT_REJECTED = 2
EXIT_INTERNAL = 1
PIPE_WIDTH = 100
_PROGRESS_AFTER = 5  # documents: fewer than this finish before a bar is worth drawing


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


@app.callback(invoke_without_command=True)
def main(version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False) -> None:
    if version:
        typer.echo(f"claimledger {__version__}")
        raise typer.Exit()


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (read recursively), URLs, or - for stdin.")],
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.table,
    no_title: Annotated[bool, typer.Option("--no-title", help="Plain text and Markdown have no title line.")] = False,
    outlet: Annotated[Optional[str], typer.Option(help="Outlet for inputs whose metadata names none.")] = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date for inputs without one.")] = None,
    any_language: Annotated[bool, typer.Option("--any-language", help="Analyse articles not in English.")] = False,
    workers: Annotated[int, typer.Option(min=1, help="Processes to analyse with.")] = 1,
    max_bytes: Annotated[Optional[int], typer.Option(help="Refuse single-document files larger than this.")] = None,
    claim_threshold: Annotated[
        float, typer.Option(min=0.0, max=1.0, help="List sentences at least this check-worthy as claims.")
    ] = 0.5,
    accurate: Annotated[
        bool, typer.Option("--accurate", help="Find statements with the fine-tuned transformer too (slower).")
    ] = False,
) -> None:
    """Analyse articles: statements with speakers, cues and acts, as a table, JSON or JSON Lines."""
    from claimledger.ingest import ReadOptions, read_inputs
    from claimledger.pipeline import analyze_inputs

    options = ReadOptions(title=not no_title, outlet=outlet, published=published)
    if max_bytes is not None:
        options = ReadOptions(title=options.title, outlet=outlet, published=published, max_bytes=max_bytes)
    rejected: list[InputError] = []
    results = analyze_inputs(
        read_inputs(paths, options), any_language=any_language, workers=workers, claim_threshold=claim_threshold,
        accurate=accurate,
    )
    documents = _with_progress(_reporting_errors(results, rejected))
    _write(documents, output_format)
    if rejected:
        raise typer.Exit(EXIT_REJECTED)


def _reporting_errors(results: Iterable, rejected: list[InputError]) -> Iterator:
    """Documents only; each rejected input is printed to stderr as one line and remembered."""
    for item in results:
        if isinstance(item, InputError):
            rejected.append(item)
            error_line(str(item))
        else:
            yield item


def _with_progress(documents: Iterable) -> Iterator:
    """The documents, counted on a progress bar."""
    with _progress("analysing") as update:
        for count, document in enumerate(documents, start=1):
            update(count)
            yield document


@contextmanager
def _progress(verb: str) -> Iterator[Callable[..., None]]:
    """``update(done, total=None)`` for a progress bar on stderr (when it is a terminal), drawn once
    more than a few items are done."""
    if not stderr.is_terminal:
        yield lambda done, total=None: None
        return
    columns = (TextColumn(verb), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=stderr, transient=True) as progress:
        task = progress.add_task(verb, total=None, visible=False)
        yield lambda done, total=None: progress.update(
            task, completed=done, total=total, visible=done > _PROGRESS_AFTER
        )


def _write(documents: Iterable, output_format: OutputFormat) -> None:
    from claimledger import output

    if output_format is OutputFormat.json:
        output.write_json(documents, sys.stdout)
    elif output_format is OutputFormat.jsonl:
        output.write_jsonl(documents, sys.stdout)
    else:
        output.write_tables(documents, Console(highlight=False, width=_table_width()))


def _table_width() -> int | None:
    """The terminal's width, or 100 columns when output goes to a pipe or file."""
    return None if sys.stdout.isatty() else PIPE_WIDTH


@app.command("stance")
def stance_command(
    paths: Annotated[list[str], typer.Argument(help="Articles: files, folders, URLs, or - for stdin.")],
    claim: Annotated[str, typer.Option("--claim", help="The claim (or headline) to take a stance toward.")],
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.table,
) -> None:
    """Each article's stance toward a claim: agree, disagree, discuss or unrelated (the FNC-1 scheme)."""
    from claimledger.ingest import read_inputs
    from claimledger.stance import article_stances

    rejected: list[InputError] = []
    articles = list(_reporting_errors(read_inputs(paths), rejected))
    results = article_stances([(claim, article.text) for article in articles])
    rows = [
        {"path": a.path, "title": a.title, "outlet": a.outlet, "stance": label,
         "probabilities": {k: round(v, 4) for k, v in probabilities.items()}}
        for a, (label, probabilities) in zip(articles, results, strict=True)
    ]
    if output_format is OutputFormat.table:
        table = Table("article", "stance", "p", title=f"stance toward: {claim}", title_justify="left")
        for row in rows:
            table.add_row(row["title"] or row["path"] or "", row["stance"], f"{row['probabilities'][row['stance']]:.2f}")
        Console(highlight=False, width=_table_width()).print(table)
    else:
        separator = "\n" if output_format is OutputFormat.jsonl else None
        _print_json(rows, separator)
    if rejected:
        raise typer.Exit(EXIT_REJECTED)


def _print_json(rows: list[dict], separator: str | None) -> None:
    """A JSON array, or one object per line when ``separator`` is a newline."""
    import json

    if separator:
        for row in rows:
            typer.echo(json.dumps(row, ensure_ascii=False))
    else:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))


DbOption = Annotated[
    Optional[str],
    typer.Option("--db", help="Store: a database URL or SQLite file (default $CLAIMLEDGER_DB, else ./claimledger.db)."),
]
LinkingOption = Annotated[
    Optional[str],
    typer.Option(
        "--linking", metavar="words|meaning",
        help="Link the store's claims by words, or by meaning too (MiniLM embeddings, kept in the store; "
        "about 0.1 s more per document). The store remembers it; default: as it was linked before, else words.",
    ),
]


def _set_linking(store: Store, linking: str | None) -> None:
    """Tell the store how to link from now on, when ``--linking`` was given."""
    from claimledger.linking.stored import Linking, set_store_linking

    if linking is None:
        return
    try:
        mode = Linking(linking)
    except ValueError:
        raise typer.BadParameter(f"{linking!r} is neither words nor meaning", param_hint="--linking") from None
    set_store_linking(store, mode)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (read recursively), URLs, or - for stdin.")],
    db: DbOption = None,
    no_title: Annotated[bool, typer.Option("--no-title", help="Plain text and Markdown have no title line.")] = False,
    outlet: Annotated[Optional[str], typer.Option(help="Outlet for inputs whose metadata names none.")] = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date for inputs without one.")] = None,
    any_language: Annotated[bool, typer.Option("--any-language", help="Analyse articles not in English.")] = False,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents analysed and stored per transaction.")] = 32,
    linking: LinkingOption = None,
) -> None:
    """Analyse articles into the store; what is stored already is skipped, so a killed run resumes."""
    from claimledger.ingest import ReadOptions
    from claimledger.linking.stored import relink
    from claimledger.store import open_store
    from claimledger.store.ingest import ingest_paths

    options = ReadOptions(title=not no_title, outlet=outlet, published=published)
    linked = []
    with open_store(db) as store, _progress("ingesting") as update:
        _set_linking(store, linking)
        summary = ingest_paths(
            paths, store, options, any_language=any_language, batch_size=batch_size,
            progress=lambda s: update(s.added + s.already_stored + len(s.rejected)),
            on_rejected=lambda error: error_line(str(error)),
            after_ingest=lambda linked_store: linked.append(relink(linked_store)),
        )
    typer.echo(
        f"added {summary.added}, already stored {summary.already_stored}, "
        f"wire copies {summary.wire_copies}, rejected {len(summary.rejected)}"
    )
    _echo_linking(linked)
    if summary.rejected:
        raise typer.Exit(EXIT_REJECTED)


@app.command()
def reanalyze(
    db: DbOption = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents analysed per batch.")] = 32,
    linking: LinkingOption = None,
) -> None:
    """Analyse again the stored documents that other (older) models produced, and relink the store."""
    from claimledger.linking.stored import relink
    from claimledger.store import open_store
    from claimledger.store.ingest import reanalyze as reanalyze_store

    linked = []
    with open_store(db) as store, _progress("re-analysing") as update:
        _set_linking(store, linking)
        count = reanalyze_store(
            store, batch_size=batch_size, progress=update,
            after_ingest=lambda linked_store: linked.append(relink(linked_store)),
        )
    typer.echo(f"outdated documents re-analysed: {count}")
    _echo_linking(linked)


def _echo_linking(linked: list) -> None:
    """The summary of the relinking that ended an ingest (none when the run stopped before it)."""
    for summary in linked:
        by_meaning = " by meaning" if summary.linking.value == "meaning" else ""
        typer.echo(
            f"linked{by_meaning}: {summary.stories} stories, {summary.claims} claims"
            + (f", {summary.wire_copies_changed} wire copies newly found" if summary.wire_copies_changed else "")
        )


@app.command()
def search(
    text: Annotated[str, typer.Argument(help="Words to find (all of them), in documents and statements.")],
    db: DbOption = None,
    limit: Annotated[int, typer.Option(min=1, help="Show at most this many hits.")] = 20,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.table,
) -> None:
    """Full-text search over the stored documents and statements, best match first."""
    from claimledger.store import open_store

    with open_store(db) as store:
        hits = store.search(text, limit=limit)
    if output_format is OutputFormat.table:
        Console(highlight=False, width=_table_width()).print(_search_table(hits))
    else:
        _print_json([hit.to_dict() for hit in hits], "\n" if output_format is OutputFormat.jsonl else None)


def _search_table(hits: list) -> Table | Text:
    from claimledger.store import HIGHLIGHT

    if not hits:
        return Text("no matches", "dim")
    table = Table("document", "outlet", "match", expand=True, pad_edge=False)
    for hit in hits:
        where = f"{hit.document_id}#{hit.statement_id}" if hit.statement_id else hit.document_id
        # The matched words come wrapped in HIGHLIGHT: every other piece is a match.
        pieces = hit.snippet.split(HIGHLIGHT)
        snippet = Text.assemble(*((piece, "bold") if i % 2 else piece for i, piece in enumerate(pieces)))
        table.add_row(where, hit.outlet or "", Text.assemble((hit.title or "", "dim"), "\n", snippet))
    return table


# --- the ledger: stories, ledger, speaker, export -------------------------------------------------


class ViewFormat(str, Enum):
    table = "table"
    json = "json"


class ExportFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    claimreview = "claimreview"


@app.command()
def stories(
    db: DbOption = None,
    output_format: Annotated[ViewFormat, typer.Option("--format", "-f", help="Output format.")] = ViewFormat.table,
) -> None:
    """The stories in the store: dates, documents, outlets, independent sources, claims, support/deny tally."""
    from claimledger.store import open_store
    from claimledger.views import story_summary

    from claimledger.ledger_output import stories_table

    with open_store(db) as store:
        summaries = [story_summary(story) for story in store.stories()]
    _print_view(output_format, summaries, lambda: [stories_table(summaries)])


@app.command()
def ledger(
    wanted: Annotated[
        Optional[str], typer.Argument(metavar="[STORY|CLAIM]", help="A story id (st…) or a claim id (k…); none: all.")
    ] = None,
    db: DbOption = None,
    output_format: Annotated[ViewFormat, typer.Option("--format", "-f", help="Output format.")] = ViewFormat.table,
    every_claim: Annotated[
        bool, typer.Option("--all", help="Table: list every claim, not only those at stake across outlets.")
    ] = False,
) -> None:
    """The ledger: per claim, who supports and who denies it (with outlets), figures, disagreements, framing."""
    from claimledger.ledger_output import ledger_renderables
    from claimledger.store import open_store
    from claimledger.views import ledger_object, select_ledger

    with open_store(db) as store:
        selected = select_ledger(store.stories(), wanted)
    _print_view(output_format, ledger_object(selected), lambda: ledger_renderables(selected, every_claim))


@app.command()
def speaker(
    name: Annotated[str, typer.Argument(help="The speaker's name (any case); a surname or variant is linked.")],
    db: DbOption = None,
    output_format: Annotated[ViewFormat, typer.Option("--format", "-f", help="Output format.")] = ViewFormat.table,
) -> None:
    """Everything a speaker said, by speech act: outlet, date, the words, and <doc id>#<statement id>."""
    from claimledger.ledger_output import speaker_renderables
    from claimledger.store import open_store
    from claimledger.views import speaker_view

    with open_store(db) as store:
        view = speaker_view(store, name)
    _print_view(output_format, view.to_dict(), lambda: speaker_renderables(view))


def _print_view(output_format: ViewFormat, value: object, renderables: Callable[[], Iterable]) -> None:
    """A store view on stdout: ``value`` as JSON, or the Rich ``renderables`` at the table width."""
    if output_format is ViewFormat.json:
        from claimledger.export import write_json

        write_json(value, sys.stdout)
        return
    console = Console(highlight=False, width=_table_width())
    for renderable in renderables():
        console.print(renderable)


@app.command()
def export(
    output_format: Annotated[ExportFormat, typer.Option("--format", "-f", help="What to export.")],
    db: DbOption = None,
    out: Annotated[Optional[str], typer.Option("--out", help="File to write (default stdout; parquet needs one).")] = None,
) -> None:
    """Export the store: the ledger (json), documents (jsonl), statements (csv, parquet), ClaimReview JSON-LD."""
    from claimledger import export as exports
    from claimledger import output
    from claimledger.store import open_store

    if output_format is ExportFormat.parquet and out is None:
        raise UsageError("export --format parquet writes a binary file: give --out PATH")
    with open_store(db) as store:
        stored = store.stories()
        if output_format is ExportFormat.parquet:
            rows = exports.statement_rows(exports.ledger_documents(store, stored), stored)
            typer.echo(f"wrote {exports.write_parquet(rows, out)} statements to {out}", err=True)  # unwrapped path
            return
        with _output_stream(out) as stream:
            if output_format is ExportFormat.json:
                from claimledger.views import ledger_object

                exports.write_json(ledger_object(stored), stream)
            elif output_format is ExportFormat.jsonl:
                output.write_jsonl(exports.ledger_documents(store, stored), stream)
            elif output_format is ExportFormat.csv:
                exports.write_csv(exports.statement_rows(exports.ledger_documents(store, stored), stored), stream)
            else:
                from datetime import date

                documents = list(exports.ledger_documents(store, stored))
                exports.write_json(exports.claim_reviews(documents, stored, date.today().isoformat()), stream)


@contextmanager
def _output_stream(path: str | None) -> Iterator:
    """The file at ``path`` (UTF-8; newlines as written, which the csv module needs), or stdout."""
    if path is None:
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8", newline="") as stream:
        yield stream


# --- serve (web UI and REST API) -------------------------------------------------------------------


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """The web UI and REST API over the store; writes need $CLAIMLEDGER_TOKEN (unset: read-only)."""
    import os

    import uvicorn

    from claimledger.store import open_store
    from claimledger.web import create_app
    from claimledger.web.security import TOKEN_ENV

    token = os.environ.get(TOKEN_ENV) or None
    with open_store(db) as store:
        access = "writes need the token" if token else "read-only"
        typer.echo(f"claimledger: serving {store.url} on http://{host}:{port}/ ({access})", err=True)
        uvicorn.run(create_app(store, token), host=host, port=port, log_level="warning")


predict_app = typer.Typer(help="Predictions in the public datasets' own formats, for scoring elsewhere.")
app.add_typer(predict_app, name="predict")


@predict_app.command("fnc1")
def predict_fnc1(
    bodies: Annotated[str, typer.Option("--bodies", help="FNC-1 bodies CSV (Body ID, articleBody).")],
    stances: Annotated[str, typer.Option("--stances", help="FNC-1 stances CSV (Headline, Body ID[, Stance]).")],
    out: Annotated[str, typer.Option("--out", help="Where to write Headline,Body ID,Stance.")],
) -> None:
    """Article stance for every headline-body pair, in the FNC-1 submission format."""
    from claimledger.stance import predict_fnc1 as predict

    stderr.print(f"wrote {predict(bodies, stances, out)} predictions to {out}")


@predict_app.command("emergent")
def predict_emergent(
    path: Annotated[str, typer.Argument(help="Emergent CSV (claimHeadline, articleHeadline, …).")],
    out: Annotated[str, typer.Option("--out", help="Where to write the CSV with predictedStance added.")],
) -> None:
    """Headline stance toward its claim (for, against, observing), added as a column predictedStance."""
    from claimledger.stance import predict_emergent as predict

    stderr.print(f"wrote {predict(path, out)} rows to {out}")


@predict_app.command("checkworthy")
def predict_checkworthy(
    path: Annotated[str, typer.Argument(help="CLEF CheckThat! TSV (line, speaker, text[, label]).")],
    out: Annotated[str, typer.Option("--out", help="Where to write line_number<TAB>score.")],
) -> None:
    """Check-worthiness of every line, in the CLEF CheckThat! submission format."""
    from claimledger.claims.checkworthy import predict_clef_file

    stderr.print(f"wrote {predict_clef_file(path, out)} scores to {out}")


@predict_app.command("clusters")
def predict_clusters(
    path: Annotated[str, typer.Argument(help="Documents as JSON Lines ({id, title, text, …}); text may be the title.")],
    out: Annotated[str, typer.Option("--out", help="Where to write id,story,claim,family.")],
    accurate: Annotated[
        bool, typer.Option("--accurate", help="Compare claims by the meaning of their sentences too (MiniLM).")
    ] = False,
) -> None:
    """Link the documents: each one's story and the claim cluster (and family) of its central claim."""
    from claimledger.linking.predict import predict_clusters as predict

    stderr.print(f"wrote {predict(path, out, accurate)} rows to {out}")


@app.command("eval")
def evaluate(
    name: Annotated[str, typer.Argument(help="Which evaluation: see `claimledger eval list`.")],
    limit: Annotated[Optional[int], typer.Option(help="Score only the first N items (a quick look).")] = None,
    check: Annotated[bool, typer.Option("--check", help="Fail (exit 1) when a score is below its floor.")] = False,
    record_floors: Annotated[
        bool, typer.Option("--record-floors", help="Record these scores and the data digest as the new floors.")
    ] = False,
) -> None:
    """Score a model or rule set on the dev data in ../shared/data (or $CLAIMLEDGER_DATA)."""
    from claimledger import evaluation
    from claimledger.evaluation import floors

    if name == "list":
        for known in evaluation.available_evals():
            typer.echo(known)
        return
    result = evaluation.run_eval(name, limit=limit)
    _print_eval(result)
    if record_floors:
        if limit is not None:
            raise UsageError("floors are recorded on the whole dev set: drop --limit")
        floors.record_floors(name, result)
        stderr.print(f"recorded floors for {name} ({result.data_digest})")
    if check and limit is None:
        failures = floors.check_floors(name, result)
        for failure in failures:
            error_line(f"{name}: {failure}")
        if failures:
            raise typer.Exit(1)


@app.command()
def train(
    name: Annotated[str, typer.Argument(help="Which model: see `claimledger train list`.")],
    all_data: Annotated[bool, typer.Option("--all", help="Train on train and dev (a release build).")] = False,
    accurate: Annotated[bool, typer.Option("--accurate", help="The slow, accurate variant.")] = False,
) -> None:
    """Rebuild a shipped model from ../shared/data (slow; not part of the test run)."""
    from claimledger import training

    if name == "list":
        for known in training.available_trainers():
            typer.echo(known)
        return
    typer.echo(training.run_training(name, training.TrainOptions(all_data=all_data, accurate=accurate)))


def _print_eval(result) -> None:
    console = Console(highlight=False, width=_table_width())
    console.print(f"[bold]{result.name}[/bold]  data {result.data_digest}")
    if result.table:
        columns = list(result.table[0])
        table = Table(*[_short_header(c) for c in columns])
        for row in result.table:
            table.add_row(*[str(row[c]) for c in columns])
        console.print(table)
    for metric, value in result.metrics.items():
        console.print(f"{metric}\t{value}")
    for key, value in result.details.items():
        if value is not None:
            console.print(f"[dim]{key}: {value}[/dim]")


def _short_header(column: str) -> str:
    """"exact_f1" -> "exact F1": eval tables must fit 100 columns."""
    words = column.replace("_", " ").split()
    return " ".join(w.upper() if w in {"p", "r", "f1"} else w for w in words)


def error_line(message: str) -> None:
    """One unwrapped line on stderr (Rich would wrap long paths over several lines)."""
    print(f"claimledger: {message}", file=sys.stderr, flush=True)


def run() -> None:
    """Entry point: turns claimledger's own errors into one line and anything else into exit 1."""
    try:
        app()
    except ClaimledgerError as error:
        error_line(str(error))
        sys.exit(EXIT_REJECTED if isinstance(error, (InputError, UsageError)) else EXIT_INTERNAL)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # noqa: BLE001 — the promise is one line, never a traceback
        error_line(f"internal error: {type(error).__name__}: {error}")
        sys.exit(EXIT_INTERNAL)
