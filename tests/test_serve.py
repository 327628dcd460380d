"""``verifier serve`` end to end: a real server on a free loopback port, a real headless
Chromium driven over the Chrome DevTools Protocol, and the database as the judge.

The served terminal is drawn on a canvas, so what the browser received is read from its
websocket (a wrapper installed before the page's own script runs); a key press is sent to
the terminal as the browser's own input events. Skips, saying why, where no Chromium is
installed (``.ci/run`` installs Debian's ``chromium`` when apt is there).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from tests.fixtures_store import make_store
from verifier.cli.serve import review_command
from verifier.store import Store

CHROMIUM = next((p for p in (shutil.which(n) for n in ("chromium", "chromium-browser")) if p), None)
CHROME_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1200,800",
)
TAP_SOCKET = """
(() => {
  const Native = window.WebSocket;
  window.__received = [];
  const decoder = new TextDecoder();
  function Tapped(...args) {
    const socket = new Native(...args);
    socket.addEventListener("message", (event) => {
      if (typeof event.data !== "string") window.__received.push(decoder.decode(event.data));
    });
    return socket;
  }
  Tapped.prototype = Native.prototype;
  for (const key of ["CONNECTING", "OPEN", "CLOSING", "CLOSED"]) Tapped[key] = Native[key];
  window.WebSocket = Tapped;
})();
"""
ANSI = re.compile(
    r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[PX^_].*?\x1b\\|\x1b\][^\x07\x1b]*(\x07|\x1b\\)"
)
WAIT = 60.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for_port(port: int, process: subprocess.Popen[bytes], timeout: float = WAIT) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"exited with {process.returncode} before listening")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return
        time.sleep(0.1)
    raise AssertionError(f"nothing listening on port {port} after {timeout:.0f} s")


@contextlib.contextmanager
def running(args: list[str], **kwargs: Any) -> Iterator[subprocess.Popen[bytes]]:
    process = subprocess.Popen(
        args,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        **kwargs,
    )
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


class DevTools:
    """The few Chrome DevTools Protocol calls the test needs, over one page's websocket."""

    def __init__(self, socket: aiohttp.ClientWebSocketResponse) -> None:
        self.socket = socket
        self.next_id = 0

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        wanted = self.next_id
        await self.socket.send_json({"id": wanted, "method": method, "params": params})
        while True:
            message = await asyncio.wait_for(self.socket.receive_json(), WAIT)
            if message.get("id") == wanted:
                if "error" in message:
                    raise AssertionError(f"{method}: {message['error']}")
                return dict(message.get("result", {}))

    async def evaluate(self, expression: str) -> Any:
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    async def screen(self) -> str:
        """Everything the served app sent to this page, terminal escapes removed."""
        raw = await self.evaluate("(window.__received || []).join('')")
        return ANSI.sub("", raw or "")

    async def wait_for_text(self, text: str, after: int = 0) -> str:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            seen = await self.screen()
            if text in seen[after:]:
                return seen
            await asyncio.sleep(0.2)
        raise AssertionError(f"{text!r} never reached the browser; got {seen[-500:]!r}")

    async def type(self, text: str) -> None:
        await self.call("Input.insertText", text=text)

    async def press_enter(self) -> None:
        for kind in ("keyDown", "keyUp"):
            await self.call(
                "Input.dispatchKeyEvent",
                type=kind,
                key="Enter",
                code="Enter",
                windowsVirtualKeyCode=13,
                **({"text": "\r"} if kind == "keyDown" else {}),
            )


def rated_by(db: Path, reviewer: str) -> list[tuple[str, int]]:
    with Store(db) as store:
        rows = store.conn.execute(
            "SELECT claim_id, rating FROM verdicts WHERE reviewer = ?", (reviewer,)
        ).fetchall()
    return [(str(r[0]), int(r[1])) for r in rows]


def test_review_command_runs_this_python_on_the_database(tmp_path: Path) -> None:
    command = review_command(tmp_path / "desk db.sqlite", None)
    assert command.startswith(sys.executable)
    assert "review --db" in command and "--ask-name" in command
    assert f"'{tmp_path / 'desk db.sqlite'}'" in command  # quoted for the shell


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    from verifier.cli import main

    assert main(["serve", "--db", str(tmp_path / "none.db"), "--port", "8123"]) == 2


@pytest.mark.skipif(
    CHROMIUM is None,
    reason="no Chromium to drive: install Debian's chromium package (apt-get install chromium)",
)
async def test_a_browser_session_shows_the_queue_and_rates_into_the_database(
    tmp_path: Path,
) -> None:
    assert CHROMIUM is not None
    store = make_store(tmp_path)
    db = Path(store.path)
    first = store.claim_ids()[0]
    store.close()
    env = {**os.environ, "VERIFIER_CONFIG": str(tmp_path / "config.toml")}
    env.pop("VERIFIER_REVIEWER", None)
    port, devtools_port = free_port(), free_port()
    serve = [sys.executable, "-m", "verifier", "serve", "--db", str(db), "--port", str(port)]
    browser = [
        CHROMIUM,
        *CHROME_FLAGS,
        f"--user-data-dir={tmp_path / 'chromium'}",
        f"--remote-debugging-port={devtools_port}",
        "about:blank",
    ]
    with running(serve, env=env, cwd=tmp_path) as server, running(browser) as chromium:
        wait_for_port(port, server)
        wait_for_port(devtools_port, chromium)
        async with aiohttp.ClientSession() as http:
            for _ in range(100):
                async with http.get(f"http://127.0.0.1:{devtools_port}/json/list") as r:
                    pages = [t for t in await r.json() if t.get("type") == "page"]
                if pages:
                    break
                await asyncio.sleep(0.1)
            async with http.ws_connect(pages[0]["webSocketDebuggerUrl"], max_msg_size=0) as ws:
                page = DevTools(ws)
                await page.call("Page.enable")
                await page.call("Page.addScriptToEvaluateOnNewDocument", source=TAP_SOCKET)
                await page.call("Page.navigate", url=f"http://127.0.0.1:{port}/")
                # Each browser session is its own reviewer: the app asks for a name first.
                await page.wait_for_text("Your name")
                await page.evaluate("document.querySelector('.xterm-helper-textarea').focus()")
                await page.type("Ana")
                await page.press_enter()
                seen = await page.wait_for_text("Claims")
                screen = await page.wait_for_text("Ministry of Defence")
                assert "reviewer Ana" in screen
                assert await page.evaluate("document.body.classList.contains('-first-byte')")
                await page.type("1")
                deadline = time.monotonic() + WAIT
                while not rated_by(db, "Ana") and time.monotonic() < deadline:
                    await asyncio.sleep(0.2)
                assert rated_by(db, "Ana") == [(first, 1)]
                await page.wait_for_text("Rated supported", after=len(seen))
                shot = await page.call("Page.captureScreenshot", format="png")
                png = base64.b64decode(shot["data"])
                assert png.startswith(b"\x89PNG") and len(png) > 10_000, "a drawn page"
                # Kept for a look: pytest's tmp folder holds what the browser showed.
                (tmp_path / "served.png").write_bytes(png)
