"""``verifier serve``: the review app in a web browser, for a small desk.

textual-serve runs one ``verifier review`` process per browser tab, so each reviewer has a
session of their own (asked for their name when it opens, since the server's settings file
belongs to whoever started it), and every session writes to the one database through the
same store calls as the terminal app: one transaction per verdict, a second writer waits
instead of failing, and a verdict someone else changed since it was shown is not overwritten.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from verifier.cli.common import CliError, add_db, open_db


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("serve", help="serve the review app to web browsers (one session each)")
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 for a LAN)",
    )
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    p.add_argument(
        "--public-url",
        metavar="URL",
        help="the address browsers use, when it is not http://HOST:PORT (a proxy)",
    )
    p.add_argument(
        "--config",
        metavar="FILE",
        help="settings file for key bindings (default: $VERIFIER_CONFIG or your config folder)",
    )
    add_db(p)
    p.set_defaults(handler=run)


def review_command(db: Path, config: str | None) -> str:
    """The shell command textual-serve starts for each browser session."""
    parts = [sys.executable, "-m", "verifier", "review", "--db", str(db), "--ask-name"]
    if config:
        parts += ["--config", str(Path(config).expanduser().resolve())]
    return " ".join(shlex.quote(part) for part in parts)


def run(args: argparse.Namespace) -> int:
    if not 0 < args.port < 65536:
        raise CliError(f"--port must be 1-65535, not {args.port}")
    with open_db(args.db) as store:  # refuses a missing or broken database here, once
        db = Path(store.path).resolve()
    from textual_serve.server import Server

    server = Server(
        review_command(db, args.config),
        host=args.host,
        port=args.port,
        title="verifier",
        public_url=args.public_url,
    )
    print(f"serving the review of {db} on http://{args.host}:{args.port}", file=sys.stderr)
    try:
        server.serve()
    except OSError as exc:
        raise CliError(f"cannot serve on {args.host}:{args.port} ({exc.strerror or exc})") from None
    return 0
