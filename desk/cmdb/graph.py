"""Impact analysis over an in-memory graph kept in step with the database.

Approach: one adjacency structure per database (CIs as small ints, one edge list per
relationship type), loaded on first use and reloaded when the graph token in ``settings``
changes (every CMDB write refreshes it, see ``desk.cmdb.settings.touch_graph``). A query reads
the token and the propagation setting (two primary-key lookups), then walks the graph in
Python: breadth-first, so every CI gets its shortest distance, and a visited set makes cycles
terminate. Why not a recursive CTE: SQL recursion de-duplicates whole rows (id, distance), so
on a graph with cycles it either needs a depth cap or enumerates paths, and on the 50,000-CI
benchmark it was far slower than a warm in-memory walk on both databases (see
``benchmarks/bench_cmdb.py``).

Direction: an edge ``A --t--> B`` ("A depends on B"). Each type carries an outage the way
its setting says (``desk.cmdb.settings``): from B to A ("A depends on B", "a rack switch
connects to its core switch"), from A to B, both ways, or not at all. Downstream impact walks
edges the way outages travel; upstream ("what does A need") walks them the other way.
"""

from __future__ import annotations

import threading
import uuid
import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from desk.cmdb.settings import graph_token_in, outage_directions_in
from desk.cmdb.vocab import OutageDirection, RelType
from desk.db.session import Database
from desk.errors import NotFound
from desk.i18n import _
from desk.models.cmdb import CiClass

_TYPES: tuple[RelType, ...] = tuple(RelType)


@dataclass(frozen=True)
class CiRef:
    id: uuid.UUID
    name: str
    class_name: str
    is_service: bool


@dataclass(frozen=True)
class ImpactedCi:
    id: uuid.UUID
    name: str
    class_name: str
    is_service: bool
    distance: int


@dataclass(frozen=True)
class ImpactResult:
    """``affected`` excludes the starting CIs; ``services`` are the business services among
    the starting and affected CIs. Both sorted by distance, then name."""

    down: tuple[CiRef, ...]
    affected: tuple[ImpactedCi, ...]
    services: tuple[ImpactedCi, ...]
    upstream: bool
    depth: int | None
    directions: dict[str, str]  # relationship type -> OutageDirection used for the walk

    def as_json(self) -> dict[str, Any]:
        return {
            "down": [c.name for c in self.down],
            "affected": [{"name": c.name, "class": c.class_name, "distance": c.distance}
                         for c in self.affected],
            "services": [c.name for c in self.services],
        }


@dataclass(frozen=True)
class Neighbourhood:
    """CIs within ``hops`` of ``center`` over every relationship type (both directions)."""

    center: uuid.UUID
    nodes: tuple[CiRef, ...]
    hop: dict[uuid.UUID, int]
    edges: tuple[tuple[uuid.UUID, str, uuid.UUID], ...]  # (source, type, target)
    hidden: int  # CIs within reach that were left out to keep the picture readable


class CmdbGraph:
    """A snapshot of the CMDB graph: CIs by index, adjacency per type in both directions."""

    def __init__(self, token: str, raw_ids: list[Any], names: list[str], classes: list[int],
                 class_names: list[str], service_classes: set[int],
                 to_uuid: Callable[[Any], uuid.UUID], key_of: Callable[[uuid.UUID], Any]) -> None:
        self.token = token
        self.raw_ids = raw_ids
        self.names = names
        self.classes = classes
        self.class_names = class_names
        self.service_classes = service_classes
        self._to_uuid = to_uuid
        self._key_of = key_of
        self.index: dict[Any, int] = {raw: i for i, raw in enumerate(raw_ids)}
        self._n = len(raw_ids)
        self._uuids: list[uuid.UUID | None] = [None] * self._n
        self._combined: dict[tuple[bool, frozenset[RelType]], list[tuple[int, ...]]] = {}
        self._outage: dict[tuple[bool, frozenset[tuple[RelType, OutageDirection]]],
                           list[tuple[int, ...]]] = {}
        self._edges: dict[RelType, list[tuple[int, int]]] = {t: [] for t in _TYPES}

    def add_edges(self, rel_type: RelType, pairs: list[tuple[int, int]]) -> None:
        self._edges[rel_type] = pairs

    def uuid_of(self, i: int) -> uuid.UUID:
        # Parsing 36-character ids was most of a big query's time: keep each one parsed.
        u = self._uuids[i]
        if u is None:
            u = self._uuids[i] = self._to_uuid(self.raw_ids[i])
        return u

    def index_of(self, ci_id: uuid.UUID) -> int | None:
        return self.index.get(self._key_of(ci_id))

    def ref(self, i: int) -> CiRef:
        c = self.classes[i]
        return CiRef(self.uuid_of(i), self.names[i], self.class_names[c],
                     c in self.service_classes)

    def adjacency(self, forward: bool, types: frozenset[RelType]) -> list[tuple[int, ...]]:
        """Neighbour lists over ``types``: forward = source→target; built once per choice."""
        key = (forward, types)
        adj = self._combined.get(key)
        if adj is None:
            lists: list[list[int]] = [[] for _ in range(self._n)]
            for t in types:
                if forward:
                    for a, b in self._edges[t]:
                        lists[a].append(b)
                else:
                    for a, b in self._edges[t]:
                        lists[b].append(a)
            adj = [tuple(x) for x in lists]
            self._combined[key] = adj
        return adj

    def outage_adjacency(self, directions: dict[RelType, OutageDirection],
                         upstream: bool) -> list[tuple[int, ...]]:
        """Where an outage of each CI travels (``upstream``: where it would come from)."""
        key = (upstream, frozenset(directions.items()))
        adj = self._outage.get(key)
        if adj is None:
            # Outage from B to A is the edge read backwards; from A to B, read forwards.
            backwards = frozenset(t for t, d in directions.items() if d.to_source)
            forwards = frozenset(t for t, d in directions.items() if d.to_target)
            if upstream:
                backwards, forwards = forwards, backwards
            back = self.adjacency(False, backwards)
            fwd = self.adjacency(True, forwards)
            adj = [b + f if f else b for b, f in zip(back, fwd, strict=True)]
            self._outage[key] = adj
        return adj

    @property
    def size(self) -> tuple[int, int]:
        return self._n, sum(len(e) for e in self._edges.values())


def walk(adj: Sequence[Sequence[int]], starts: Iterable[int],
         depth: int | None = None) -> dict[int, int]:
    """Breadth-first distances from ``starts`` (distance 0); cycles end at the visited set."""
    dist: dict[int, int] = {}
    frontier = []
    for s in starts:
        if s not in dist:
            dist[s] = 0
            frontier.append(s)
    d = 0
    while frontier and (depth is None or d < depth):
        d += 1
        nxt = []
        for node in frontier:
            for m in adj[node]:
                if m not in dist:
                    dist[m] = d
                    nxt.append(m)
        frontier = nxt
    return dist


# ---------------------------------------------------------------- cache

_graphs: weakref.WeakKeyDictionary[Engine, CmdbGraph] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def _load(s: Session, token: str, sqlite: bool) -> CmdbGraph:
    classes = s.execute(select(CiClass.id, CiClass.name, CiClass.is_service)).all()
    class_index = {c[0]: i for i, c in enumerate(classes)}
    class_names = [c[1] for c in classes]
    service_classes = {i for i, c in enumerate(classes) if c[2]}
    conn = s.connection()
    # Raw driver values (hex text on SQLite, uuid.UUID from psycopg) keep 250,000 rows cheap.
    raw_class = {(c.hex if sqlite else c): i for c, i in class_index.items()}
    rows = conn.exec_driver_sql(
        "SELECT id, name, class_id FROM configuration_items WHERE deleted_at IS NULL").fetchall()
    raw_ids = [r[0] for r in rows]
    names = [r[1] for r in rows]
    cls = [raw_class[r[2]] for r in rows]
    if sqlite:
        def to_uuid(raw: Any) -> uuid.UUID:
            return uuid.UUID(hex=raw)

        def key_of(u: uuid.UUID) -> Any:
            return u.hex
    else:
        def to_uuid(raw: Any) -> uuid.UUID:
            return raw  # type: ignore[no-any-return]

        def key_of(u: uuid.UUID) -> Any:
            return u
    graph = CmdbGraph(token, raw_ids, names, cls, class_names, service_classes, to_uuid, key_of)
    index = graph.index
    by_type: dict[str, list[tuple[int, int]]] = {t.value: [] for t in _TYPES}
    result = conn.exec_driver_sql(
        "SELECT source_id, type, target_id FROM ci_relationships WHERE deleted_at IS NULL")
    get = index.get
    for src, t, dst in result:
        a = get(src)
        b = get(dst)
        if a is not None and b is not None and t in by_type:
            by_type[t].append((a, b))
    for t in _TYPES:
        graph.add_edges(t, by_type[t.value])
    return graph


def graph_in(s: Session, engine: Engine, sqlite: bool) -> CmdbGraph:
    """The current graph for this database: cached, reloaded when the token moved on.

    The token is read before the rows, so a write that lands in between leaves a token that
    differs from the next reading: at worst one extra reload, never a stale graph kept."""
    token = graph_token_in(s)
    with _lock:
        g = _graphs.get(engine)
        if g is not None and g.token == token:
            return g
    g = _load(s, token, sqlite)
    with _lock:
        _graphs[engine] = g
    return g


def load_graph(db: Database) -> CmdbGraph:
    with db.read() as s:
        return graph_in(s, db.engine, db.dialect == "sqlite")


def forget_graph(db: Database) -> None:
    with _lock:
        _graphs.pop(db.engine, None)


# ---------------------------------------------------------------- queries


def impact(db: Database, ci_ids: Sequence[uuid.UUID], *, upstream: bool = False,
           depth: int | None = None) -> ImpactResult:
    """Downstream impact of ``ci_ids`` being down, or (``upstream``) what they depend on."""
    with db.read() as s:
        return impact_in(s, db, ci_ids, upstream=upstream, depth=depth)


def impact_in(s: Session, db: Database, ci_ids: Sequence[uuid.UUID], *,
              upstream: bool = False, depth: int | None = None) -> ImpactResult:
    """``impact`` inside a caller's read transaction (``db`` names the graph cache)."""
    directions = outage_directions_in(s)
    g = graph_in(s, db.engine, db.dialect == "sqlite")
    starts = []
    for ci_id in ci_ids:
        i = g.index_of(ci_id)
        if i is None:
            raise NotFound(_("The configuration item no longer exists"))
        starts.append(i)
    dist = walk(g.outage_adjacency(directions, upstream), starts, depth)
    start_set = set(starts)
    down = tuple(sorted((g.ref(i) for i in dict.fromkeys(starts)),
                        key=lambda c: (c.name, c.class_name)))
    affected: list[ImpactedCi] = []
    services: list[ImpactedCi] = []
    names, classes, class_names = g.names, g.classes, g.class_names
    service_classes = g.service_classes
    for i, d in sorted(dist.items(), key=lambda e: (e[1], g.names[e[0]])):
        c = classes[i]
        is_service = c in service_classes
        if i in start_set and not is_service:
            continue
        item = ImpactedCi(g.uuid_of(i), names[i], class_names[c], is_service, d)
        if i not in start_set:
            affected.append(item)
        if is_service:
            services.append(item)
    return ImpactResult(down, tuple(affected), tuple(services), upstream, depth,
                        {str(t): str(d) for t, d in directions.items()})


def neighbourhood(db: Database, ci_id: uuid.UUID, hops: int = 2,
                  max_nodes: int = 200) -> Neighbourhood:
    """The CIs around ``ci_id`` for the graph view, nearest first, at most ``max_nodes``."""
    with db.read() as s:
        return neighbourhood_in(s, db, ci_id, hops, max_nodes)


def neighbourhood_in(s: Session, db: Database, ci_id: uuid.UUID, hops: int = 2,
                     max_nodes: int = 200) -> Neighbourhood:
    """``neighbourhood`` inside a caller's read transaction (``db`` names the graph cache)."""
    g = graph_in(s, db.engine, db.dialect == "sqlite")
    center = g.index_of(ci_id)
    if center is None:
        raise NotFound(_("The configuration item no longer exists"))
    all_types = frozenset(_TYPES)
    fwd = g.adjacency(True, all_types)
    rev = g.adjacency(False, all_types)
    hop = {center: 0}
    frontier = [center]
    hidden: set[int] = set()
    d = 0
    while frontier and d < hops:
        d += 1
        nxt = []
        for node in frontier:
            for m in (*fwd[node], *rev[node]):
                if m in hop or m in hidden:
                    continue
                if len(hop) >= max_nodes:
                    hidden.add(m)
                    continue
                hop[m] = d
                nxt.append(m)
        frontier = nxt
    chosen = set(hop)
    edges = []
    for t in _TYPES:
        adj = g.adjacency(True, frozenset({t}))
        for a in chosen:
            for b in adj[a]:
                if b in chosen:
                    edges.append((g.uuid_of(a), str(t), g.uuid_of(b)))
    nodes = tuple(g.ref(i) for i in sorted(chosen, key=lambda i: (hop[i], g.names[i])))
    return Neighbourhood(ci_id, nodes, {g.uuid_of(i): h for i, h in hop.items()},
                         tuple(sorted(set(edges), key=lambda e: (str(e[0]), e[1], str(e[2])))),
                         len(hidden))
