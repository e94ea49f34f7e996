"""`vifte merge` (or `vifte saml`): several municipalities' exports as one national catalogue."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    merge = sub.add_parser(
        "merge",
        aliases=["saml"],
        help="saml flere kommuners åbne data (data/catalogue.json) til ét landsdækkende katalog",
        description="Saml flere kommuners eksporter (data/catalogue.json fra hvert site) til én "
        "fil. Hver eksport tjekkes mod eksportens skema; er der fejl, skrives intet.",
    )
    merge.add_argument(
        "exports", nargs="+", type=Path, metavar="EKSPORT", help="kommunernes catalogue.json"
    )
    merge.add_argument(
        "-o",
        "--out",
        type=Path,
        required=True,
        metavar="FIL",
        help="filen, det samlede katalog skrives til, fx national.json",
    )
    return merge


def run(args: argparse.Namespace) -> int:
    """Read, check and merge the exports, then write the result atomically. 0 on success, 1 else."""
    from vifte.cli_words import count
    from vifte.domain.registry import TABLE
    from vifte.output.national import MergeError, merge, parse
    from vifte.output.pdf_cache import write_atomically
    from vifte.publish.site_dir import describe_os_error

    out: Path = args.out
    lines: list[str] = []
    if out.is_dir():
        lines.append(
            f"{out}: er en mappe; skriv det samlede katalog til en fil, fx {out / 'national.json'}"
        )
    elif not out.parent.is_dir():
        lines.append(f"{out}: mappen {out.parent} findes ikke")
    exports = []
    for path in args.exports:
        try:
            exports.append((str(path), parse(str(path), path.read_bytes())))
        except IsADirectoryError:
            lines.append(f"{path}: er en mappe, ikke en eksport; angiv filen data/catalogue.json")
        except OSError as exc:
            lines.append(f"{path}: kan ikke læses: {describe_os_error(exc)}")
        except MergeError as exc:
            lines.append(str(exc))
    try:
        merged = merge(exports)
    except MergeError as exc:
        lines.append(str(exc))
    if lines:
        print("\n".join(lines), file=sys.stderr)
        print(
            f"Intet er skrevet til {out}. Ret fejlene og kør 'vifte merge' igen.", file=sys.stderr
        )
        return 1
    text = json.dumps(merged, ensure_ascii=False, indent=1) + "\n"
    try:
        write_atomically(out, text.encode("utf-8"))
    except OSError as exc:
        print(f"{out}: kunne ikke skrives: {describe_os_error(exc)}", file=sys.stderr)
        return 1
    counts = ", ".join(
        count(len(merged.get(name, [])), col.noun, col.plural)
        for name, col in TABLE.collections.items()
    )
    towns = count(len(merged["municipalities"]), "kommune", "kommuner")
    print(f"{out}: {towns} samlet med {counts}.", file=sys.stderr)
    return 0
