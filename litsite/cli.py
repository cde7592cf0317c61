"""The command line: build (default), bibliography, and the commands later stages add."""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from litsite.errors import InputWarning, UserError, UserErrors, flatten

HELP = """Build a literature-review website from site.yaml, content/ and templates/.

commands:
  build          build the site into output/ (the default command)
  check          validate everything (config, content, citations, templates) without writing
  bibliography   print the formatted bibliography (or first citations) of the references
  import         import an article record (saved page, BibTeX, RIS, CSL-JSON/YAML) into content/
  parse-references  turn a file of reference lines (one per line) into CSL items
  serve          build, serve on http://127.0.0.1:8000/ and rebuild + reload the browser on every change

Exit status: 0 success, 2 an error in your input (printed as path:line: message), 1 an internal bug."""


def parser() -> argparse.ArgumentParser:
    """The argument parser of build.py."""
    p = argparse.ArgumentParser(prog="build.py", description=HELP, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--project", type=Path, default=Path("."), help="the project directory (default: .)")
    _build_args(p, None)
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    b = sub.add_parser("build", help="build the site (default)")
    _build_args(b, argparse.SUPPRESS)

    c = sub.add_parser("check", help="validate site.yaml, content and templates without writing anything")
    _build_args(c, argparse.SUPPRESS)

    bib = sub.add_parser("bibliography", help="print the formatted bibliography, one entry per line")
    bib.add_argument("--references", type=Path, help="a CSL-JSON or CSL-YAML file (default: content/references.yaml)")
    bib.add_argument("--style", help="CSL style name or .csl path (default: site.yaml's style)")
    bib.add_argument("--format", choices=("text", "html"), default="text")
    bib.add_argument(
        "--locale",
        help="locale, e.g. en-US (default: site.yaml's locale; en-US when --style and --references are given)",
    )
    bib.add_argument(
        "--citations",
        action="store_true",
        help="cite every item once in file order and print each item's first in-text citation",
    )

    imp = sub.add_parser("import", help="import an article record into content/ (study.md, references.yaml)")
    imp.add_argument(
        "record",
        help="a record file (JATS, PubMed, MEDLINE, Crossref, CSL, BibTeX, RIS, saved page) or doi:10.… / pmid:…",
    )
    imp.add_argument("--force", action="store_true", help="overwrite existing content files")
    imp.add_argument("--json", action="store_true", help="print the import as JSON instead of writing files")
    imp.add_argument("--content", type=Path, help="the content directory (default: content/)")
    imp.add_argument("--mailto", help="your e-mail for Crossref's and NCBI's polite pools (or set LITSITE_MAILTO)")

    pr = sub.add_parser("parse-references", help="parse reference lines (one per line) into CSL items")
    pr.add_argument("file", type=Path, help="a UTF-8 text file with one reference per non-empty line")
    pr.add_argument("--format", choices=("yaml", "json"), default="yaml")

    srv = sub.add_parser("serve", help="live preview: serve the site and rebuild it whenever the sources change")
    srv.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    srv.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    srv.add_argument("--out", type=Path, default=argparse.SUPPRESS, help="output directory (default: output/)")
    return p


def _build_args(p: argparse.ArgumentParser, default: object) -> None:
    # On the top-level parser too, so that `build.py --out DIR` works without naming the command.
    p.add_argument("--out", type=Path, default=default, help="output directory (default: output/)")
    p.add_argument(
        "--base-url", default=default, help="the URL the site is served from, e.g. https://user.github.io/repo/"
    )
    p.add_argument(
        "--no-cache",
        action="store_true",
        default=False if default is None else default,
        help="build everything afresh and keep nothing for the next build (no cache or ledger in .litsite/)",
    )


def cmd_build(args: argparse.Namespace, out: TextIO) -> int:
    """python build.py [build] [--out DIR] [--base-url URL] [--no-cache]."""
    from litsite.pipeline import build_site

    project = args.project
    target = build_site(project, args.out or project / "output", args.base_url, cache=not args.no_cache)
    print(f"built {target}", file=out)
    return 0


def cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    """python build.py check: load, cite and render everything, write nothing."""
    from litsite.pipeline import render_files
    from litsite.write.outdir import check_output_dir

    files = render_files(args.project, args.base_url)
    check_output_dir(args.out or args.project / "output", args.project)
    print(f"ok: {len(files)} files would be written", file=out)
    return 0


def cmd_bibliography(args: argparse.Namespace, out: TextIO) -> int:
    """Print the formatted bibliography or the first citations of a reference file."""
    from litsite.csl.engine import ItemFormatError, format_bibliography, format_first_citations
    from litsite.csl.styles import StyleError, resolve_style
    from litsite.errors import ErrorCollector
    from litsite.load.config import load_config
    from litsite.load.content import load_references

    project = args.project
    site_yaml = project / "site.yaml"
    # Given both a style and a reference file, the command stands alone: site.yaml is not read (it may be absent
    # or broken), and the locale is --locale's or en-US.
    standalone = bool(args.style and (args.references or args.locale))
    config = load_config(site_yaml) if site_yaml.exists() and not standalone else None
    style = args.style or (config.style if config else "apa")
    locale = args.locale or (config.locale if config else "en-US")
    path = args.references or project / "content" / "references.yaml"
    errors = ErrorCollector()
    if path.suffix.lower() == ".json":
        items, starts = _load_csl_json(path, errors)
    else:
        refs = load_references(path, errors)
        items, starts = [r.csl for r in refs], [r.line for r in refs]
    errors.raise_if_any()
    try:
        ref = resolve_style(style, project)
    except StyleError as exc:
        raise UserError(None, None, f"--style: {exc}") from None
    try:
        lines = (format_first_citations if args.citations else format_bibliography)(
            items, ref.path, args.format, locale
        )
    except ItemFormatError as exc:
        line = next((n for item, n in zip(items, starts, strict=True) if str(item.get("id")) == exc.item_id), None)
        what = f"reference {exc.item_id!r}" if exc.item_id else "the references"
        raise UserError(
            path if line else None,
            line,
            f"{what} cannot be formatted in style {style!r} (locale {locale}): {exc.detail} "
            "(a defect of the CSL engine with this input; please report it)",
        ) from None
    for line in lines:
        print(" ".join(line.split()), file=out)
    return 0


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    """python build.py import RECORD|doi:…|pmid:… [--force] [--json] [--mailto ADDRESS]."""
    from litsite.importers.importer import run_import
    from litsite.importers.online import Fetcher, import_identifier, is_identifier

    content = args.content or args.project / "content"
    if is_identifier(args.record):
        fetcher = Fetcher.from_env(args.mailto)
        return import_identifier(args.record, content, args.force, args.json, out, args.err, fetcher)
    return run_import(Path(args.record), content, args.force, args.json, out, args.err)


def cmd_parse_references(args: argparse.Namespace, out: TextIO) -> int:
    """python build.py parse-references FILE [--format yaml|json]."""
    from litsite.importers.importer import run_parse_references

    return run_parse_references(args.file, args.format, out, args.err)


def _json_item_lines(text: str) -> list[int]:
    """The line each element of a JSON array (already known to be valid) starts on."""
    decoder = json.JSONDecoder()
    pos, line, counted, starts = text.index("[") + 1, 1, 0, []
    while True:
        while text[pos] in " \t\r\n,":
            pos += 1
        if text[pos] == "]":
            return starts
        line += text.count("\n", counted, pos)
        counted = pos
        starts.append(line)
        _, pos = decoder.raw_decode(text, pos)


def _load_csl_json(path: Path, errors: object) -> tuple[list[dict], list[int]]:
    """The items of a CSL-JSON file, checked, and the line each starts on."""
    from litsite.load.content import check_item, csl_only, warn_spelled
    from litsite.load.yamlfile import Lines, read_text

    text = read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(path, exc.lineno, f"invalid JSON: {exc.msg}") from None
    if not isinstance(data, list):
        raise UserError(path, 1, "a CSL-JSON file must hold a list of items")
    lines = Lines(path, {(i,): line for i, line in enumerate(_json_item_lines(text))})
    respelled: dict[str, tuple[str, int]] = {}
    items = [csl_only(check_item(item, lines, (i,), errors, respelled=respelled)) for i, item in enumerate(data)]  # type: ignore[arg-type]
    warn_spelled(path, respelled)
    return items, [lines.of(i) for i in range(len(items))]


def cmd_serve(args: argparse.Namespace, out: TextIO) -> int:
    """python build.py serve [--port 8000] [--host 127.0.0.1] [--out DIR]."""
    from litsite.preview.server import serve

    project = args.project
    serve(project, args.out or project / "output", host=args.host, port=args.port)
    return 0


COMMANDS = {
    "build": cmd_build,
    "check": cmd_check,
    "bibliography": cmd_bibliography,
    "import": cmd_import,
    "parse-references": cmd_parse_references,
    "serve": cmd_serve,
}


@contextmanager
def input_warnings(err: TextIO) -> Iterator[None]:
    """Print every InputWarning raised meanwhile as `path:line: warning: message` (other warnings as Python does)."""
    with warnings.catch_warnings():
        warnings.simplefilter("always", InputWarning)
        shown = warnings.showwarning

        def show(message: Warning | str, category: type[Warning], *args: object, **kwargs: object) -> None:
            if isinstance(message, InputWarning):
                print(str(message), file=err)
            else:
                shown(message, category, *args, **kwargs)  # type: ignore[arg-type]

        warnings.showwarning = show
        yield


def main(argv: Sequence[str] | None = None, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Run the command line; return the exit status."""
    args = parser().parse_args(argv)
    command = args.command or "build"
    args.err = err  # commands that print warnings write them here
    try:
        with input_warnings(err):
            return COMMANDS[command](args, out)
    except (UserError, UserErrors) as exc:
        for error in flatten(exc):
            print(str(error), file=err)
        return 2
    except BrokenPipeError:
        # `build.py bibliography | head` closes the pipe early; that is not an error.
        sys.stderr.close()
        return 0
