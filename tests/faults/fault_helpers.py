"""Tools for fault tests: throwaway search nodes of our own, and a TCP proxy that stalls.

The shared node on 9200 is never stopped or slowed: a test that needs a node to die
starts its own with ``scripts/search-node`` on another port (data under
``search-node/run-<port>``), and a test that needs a slow node puts
:class:`DelayingProxy` between the app and a healthy one.
"""

from __future__ import annotations

import asyncio
import fcntl
import os
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from elasticsearch import Elasticsearch

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "search-node"
LOCK_WAIT_SECONDS = 600


class OwnNode:
    """One ``scripts/search-node`` instance on its own port, started and stopped by a test."""

    def __init__(self, port: int, heap: str = "384m", settings: str = "", home: Path | None = None):
        self.port = port
        self.heap = heap
        self.settings = settings
        self.home = home or ROOT / "search-node" / f"run-{port}"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _env(self) -> dict[str, str]:
        env = {
            **os.environ,
            "SEARCH_NODE_PORT": str(self.port),
            "SEARCH_NODE_HEAP": self.heap,
            "SEARCH_NODE_HOME": str(self.home),
        }
        if self.settings:
            env["SEARCH_NODE_SETTINGS"] = self.settings
        return env

    def _script(self, command: str) -> None:
        subprocess.run(
            [str(SCRIPT), command], env=self._env(), check=True, cwd=ROOT, capture_output=True
        )

    def start(self) -> None:
        """Start (or restart, keeping its data) and wait until the cluster is yellow."""
        self._script("start")

    def stop(self) -> None:
        """A clean shutdown (SIGTERM), as an operator or an orchestrator would do it."""
        self._script("stop")

    def answers(self) -> bool:
        with self.client(timeout=2) as es:
            return es.ping()

    def client(self, timeout: float = 60) -> Elasticsearch:
        return Elasticsearch([self.url], timeout=timeout, max_retries=0)


@contextmanager
def port_lock(port: int) -> Iterator[None]:
    """One test run at a time per port: a second ``pytest`` waits instead of colliding."""
    path = ROOT / "search-node" / f"run-{port}.lock"
    with open(path, "w") as handle:
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"port {port} stayed locked by another test run") from None
                time.sleep(1)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def own_node(port: int, heap: str = "384m", settings: str = "") -> Iterator[OwnNode]:
    """A fresh node (empty data folder) on ``port``, always stopped afterwards."""
    node = OwnNode(port, heap=heap, settings=settings)
    with port_lock(port):
        node.stop()  # a node left running by an interrupted run on this port, if any
        if node.answers():
            raise RuntimeError(f"something that is not our node answers on port {port}")
        shutil.rmtree(node.home, ignore_errors=True)
        try:
            node.start()  # inside: a node that started but never turned yellow is stopped too
            yield node
        finally:
            node.stop()


class DelayingProxy:
    """A TCP proxy (asyncio, in a background thread) that holds upstream replies ``delay`` s.

    Requests reach the node at once; its answers are held back, so the node stays healthy
    while the app sees a node that takes ``delay`` seconds to answer.
    """

    def __init__(self, upstream: str, delay: float = 0.0):
        """``upstream`` is a node's URL: http://host:port (TLS passes through untouched)."""
        parts = urlsplit(upstream)
        self.scheme = parts.scheme or "http"
        self.upstream_host = parts.hostname or "127.0.0.1"
        self.upstream_port = parts.port or (443 if self.scheme == "https" else 9200)
        self.delay = delay
        self.port = 0
        self.accepted = 0  # connections the app opened through the proxy
        self._loop = asyncio.new_event_loop()
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="delaying-proxy", daemon=True)

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}"

    def __enter__(self) -> DelayingProxy:
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("the delaying proxy did not start")
        return self

    def __exit__(self, *exc) -> None:
        asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._server = self._loop.run_until_complete(
            asyncio.start_server(self._handle, "127.0.0.1", 0)
        )
        self.port = self._server.sockets[0].getsockname()[1]
        self._ready.set()
        self._loop.run_forever()

    def drop_connections(self) -> None:
        """Close every open connection, as a node restart or a proxy's idle timeout does to
        the app's kept-alive ones; new connections are still taken."""

        async def drop() -> None:
            for writer in list(self._writers):
                await self._close(writer)

        asyncio.run_coroutine_threadsafe(drop(), self._loop).result(10)

    async def _handle(self, client_reader, client_writer) -> None:
        self.accepted += 1
        self._writers.add(client_writer)
        try:
            node_reader, node_writer = await asyncio.open_connection(
                self.upstream_host, self.upstream_port
            )
        except OSError:
            await self._close(client_writer)
            return
        self._writers.add(node_writer)
        try:
            await asyncio.gather(
                self._pipe(client_reader, node_writer, delayed=False),
                self._pipe(node_reader, client_writer, delayed=True),
            )
        except asyncio.CancelledError:
            pass  # shutting down; a cancelled handler would be logged by asyncio's callback

    async def _pipe(self, reader, writer, delayed: bool) -> None:
        try:
            while chunk := await reader.read(65536):
                if delayed and self.delay:
                    await asyncio.sleep(self.delay)
                writer.write(chunk)
                await writer.drain()
        except (OSError, asyncio.CancelledError):
            pass  # the other side gave up (a client timeout is the point of the exercise)
        finally:
            await self._close(writer)

    async def _close(self, writer) -> None:
        self._writers.discard(writer)
        writer.close()
        try:
            await writer.wait_closed()
        except (OSError, asyncio.CancelledError):
            pass

    async def _shutdown(self) -> None:
        if self._server:
            self._server.close()
        for writer in list(self._writers):
            await self._close(writer)
        current = asyncio.current_task()
        tasks = [t for t in asyncio.all_tasks() if t is not current]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        if self._server:
            await self._server.wait_closed()
