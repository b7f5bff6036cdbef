"""Layered left-to-right layout of a CI neighbourhood (Qt-free; the graph view only paints).

Dependency edges (every type but ``connects_to``) point right: a CI stands left of what it
depends on, runs on, is contained in or is backed up by, so services end up on the left and
hosts and locations on the right. Cycles are broken by ignoring DFS back edges; layers are
longest-path layers (short consumer chains pulled right); the order inside a layer comes from
a few barycentre sweeps, which keeps crossings down well enough at a couple of hundred nodes.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from desk.cmdb.vocab import RelType

SWEEPS = 4


@dataclass(frozen=True)
class Placement:
    layer: int
    row: int  # position within the layer, 0 at the top
    rows: int  # how many nodes share the layer


def layered_layout(nodes: Sequence[Hashable], edges: Sequence[tuple[Hashable, str, Hashable]],
                   ) -> dict[Hashable, Placement]:
    """Placement per node; ``nodes`` in preference order (e.g. nearest to the centre first)."""
    index = {n: i for i, n in enumerate(nodes)}
    n = len(nodes)
    succ: list[list[int]] = [[] for _ in range(n)]
    links: list[set[int]] = [set() for _ in range(n)]
    for a, t, b in edges:
        i, j = index.get(a), index.get(b)
        if i is None or j is None or i == j:
            continue
        links[i].add(j)
        links[j].add(i)
        if t != RelType.CONNECTS_TO:
            succ[i].append(j)
    dag = _acyclic(succ)
    layer = _longest_path_layers(dag)
    has_dependency = [bool(dag[i]) for i in range(n)]
    for targets in dag:
        for j in targets:
            has_dependency[j] = True
    # Nodes tied only by connects_to sit in the layer of a neighbour that has one.
    for i in range(n):
        if not has_dependency[i]:
            placed = [layer[j] for j in links[i] if has_dependency[j]]
            layer[i] = min(placed) if placed else 0
    if n:
        low = min(layer)
        layer = [x - low for x in layer]
    by_layer: dict[int, list[int]] = {}
    for i in range(n):
        by_layer.setdefault(layer[i], []).append(i)
    _sweep(by_layer, links)
    out: dict[Hashable, Placement] = {}
    for lyr, members in by_layer.items():
        for row, i in enumerate(members):
            out[nodes[i]] = Placement(lyr, row, len(members))
    return out


def _acyclic(succ: list[list[int]]) -> list[list[int]]:
    """The edges minus DFS back edges (iterative, so deep chains do not overflow)."""
    n = len(succ)
    state = [0] * n  # 0 new, 1 on stack, 2 done
    keep: list[list[int]] = [[] for _ in range(n)]
    for root in range(n):
        if state[root]:
            continue
        state[root] = 1
        stack = [(root, iter(succ[root]))]
        while stack:
            node, it = stack[-1]
            advanced = False
            for m in it:
                if state[m] == 1:
                    continue  # back edge: drop it
                keep[node].append(m)
                if state[m] == 0:
                    state[m] = 1
                    stack.append((m, iter(succ[m])))
                    advanced = True
                    break
            if not advanced:
                state[node] = 2
                stack.pop()
    return keep


def _longest_path_layers(dag: list[list[int]]) -> list[int]:
    """Longest-path layers from the consumers; then a consumer whose chain is short moves
    right, next to what it depends on (a host with no VM in view stands beside its data
    centre, not among the VMs)."""
    n = len(dag)
    indeg = [0] * n
    for targets in dag:
        for j in targets:
            indeg[j] += 1
    sources = [i for i in range(n) if indeg[i] == 0]
    layer = [0] * n
    ready = list(sources)
    while ready:
        i = ready.pop()
        for j in dag[i]:
            layer[j] = max(layer[j], layer[i] + 1)
            indeg[j] -= 1
            if indeg[j] == 0:
                ready.append(j)
    for i in sources:
        if dag[i]:
            layer[i] = min(layer[j] for j in dag[i]) - 1
    return layer


def _sweep(by_layer: dict[int, list[int]], links: list[set[int]]) -> None:
    order = sorted(by_layer)
    pos: dict[int, float] = {}
    for lyr in order:
        for r, i in enumerate(by_layer[lyr]):
            pos[i] = r
    for k in range(SWEEPS):
        seq = order if k % 2 == 0 else list(reversed(order))
        for lyr in seq:
            members = by_layer[lyr]
            inside = set(members)
            centre: dict[int, float] = {}
            for i in members:
                near = [pos[j] for j in links[i] if j not in inside]
                centre[i] = sum(near) / len(near) if near else pos[i]
            members.sort(key=lambda i: (centre[i], i))
            for r, i in enumerate(members):
                pos[i] = r - len(members) / 2
