"""A cluster of ``scripts/search-node`` runners on one machine, for the kill bench.

Each ``Node`` is its own JVM (own HTTP and transport ports, own data folder) so one can
be killed, stopped or restarted alone; the helpers find the elected master, read the
voting configuration and wait for an election or for green.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from common import ROOT

SCRIPT = ROOT / "scripts" / "search-node"
CLUSTER = "fap-multinode"
ALIAS = "multinode"


@dataclass
class Node:
    name: str
    http: int
    transport: int
    bootstrap: bool

    @property
    def home(self) -> Path:
        return ROOT / "search-node" / f"run-{self.http}"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http}"

    def env(self, peers: list[Node]) -> dict[str, str]:
        seeds = ", ".join(f'"127.0.0.1:{p.transport}"' for p in peers)
        settings = [f"transport.port: {self.transport}", f"discovery.seed_hosts: [{seeds}]"]
        if self.bootstrap:
            settings.append(f'cluster.initial_master_nodes: ["127.0.0.1:{self.transport}"]')
        return {
            **os.environ,
            "SEARCH_NODE_PORT": str(self.http),
            "SEARCH_NODE_HOME": str(self.home),
            "SEARCH_NODE_HEAP": "512m",
            "SEARCH_NODE_CLUSTER": CLUSTER,
            "SEARCH_NODE_SETTINGS": "\n".join(settings),
        }

    def start(self, peers: list[Node]) -> None:
        subprocess.run([str(SCRIPT), "start"], env=self.env(peers), check=True)

    def stop(self, peers: list[Node]) -> None:
        self.signal(signal.SIGCONT)  # a stopped JVM can't shut down
        subprocess.run([str(SCRIPT), "stop"], env=self.env(peers), check=False)

    def pid(self) -> int | None:
        try:
            return int((self.home / "node.pid").read_text())
        except (FileNotFoundError, ValueError):
            return None

    def signal(self, sig: int) -> None:
        if pid := self.pid():
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass


def es_get(url: str, path: str, timeout: float = 10) -> dict:
    with urllib.request.urlopen(url + path, timeout=timeout) as response:
        return json.loads(response.read())


def master_of(nodes: list[Node]) -> Node:
    """The elected master, found by its transport port."""
    for node in nodes:
        try:
            state = es_get(node.url, "/_nodes/_master/transport")
        except OSError:
            continue
        if not state["nodes"]:
            continue  # this node knows of no master right now (an election is under way)
        [info] = state["nodes"].values()
        port = int(info["transport"]["publish_address"].rsplit(":", 1)[1])
        return next(n for n in nodes if n.transport == port)
    raise RuntimeError("no node knows a master")


def voting_configuration(node: Node) -> list[str]:
    state = es_get(node.url, "/_cluster/state/metadata?filter_path=metadata.cluster_coordination")
    return state["metadata"]["cluster_coordination"]["last_committed_config"]


def wait_for_new_master(nodes: list[Node], old: Node, seconds: float = 120) -> tuple[str, float]:
    """Which surviving node became master, and how long after the old one died."""
    started = time.monotonic()
    survivors = [n for n in nodes if n is not old]
    while time.monotonic() - started < seconds:
        try:
            new = master_of(survivors)
            if new is not old:
                return new.name, time.monotonic() - started
        except (RuntimeError, StopIteration):
            pass
        time.sleep(0.1)
    return "none", float("nan")


def wait_green(nodes: list[Node], seconds: float = 180) -> float:
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        for node in nodes:
            try:
                health = es_get(node.url, "/_cluster/health?wait_for_status=green&timeout=5s")
                if health["status"] == "green" and health["number_of_nodes"] == len(nodes):
                    return time.monotonic() - started
            except (OSError, ValueError):
                pass
        time.sleep(1)
    raise RuntimeError("the cluster did not turn green")
