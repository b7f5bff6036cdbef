"""Impact and upstream walks against networkx on random graphs with cycles (both databases)."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, insert

from desk.cmdb import graph
from desk.cmdb import services as sv
from desk.cmdb.settings import set_outage_directions, set_propagating_types, touch_graph
from desk.cmdb.vocab import BUILTIN_CLASS_IDS, OutageDirection, RelType
from desk.ids import uuid7
from desk.models.cmdb import CiRelationship, ConfigurationItem
from desk.timeutil import utcnow
from tests.cmdb.helpers import ci, rel

TYPES = [str(t) for t in RelType]
DIRECTIONS = [str(d) for d in OutageDirection]


@st.composite
def graphs(draw: st.DrawFn) -> tuple[int, list[tuple[int, str, int]]]:
    n = draw(st.integers(1, 14))
    edges = draw(st.lists(
        st.tuples(st.integers(0, n - 1), st.sampled_from(TYPES), st.integers(0, n - 1))
        .filter(lambda e: e[0] != e[2]), max_size=40, unique=True))
    return n, edges


def _load(db, n: int, edges: list[tuple[int, str, int]]) -> list:
    """Replace the CMDB with ``n`` CIs (every third a business service) and ``edges``."""
    now = utcnow()
    ids = [uuid7() for _ in range(n)]
    with db.write() as s:
        s.execute(delete(CiRelationship))
        s.execute(delete(ConfigurationItem))
        s.execute(insert(ConfigurationItem.__table__), [
            {"id": ids[i], "name": f"ci{i:02d}", "row_version": 1, "created_at": now,
             "updated_at": now, "status": "in_use", "environment": "production",
             "criticality": 3, "attributes": {},
             "class_id": BUILTIN_CLASS_IDS["business_service" if i % 3 == 0 else "server"]}
            for i in range(n)])
        if edges:
            s.execute(insert(CiRelationship.__table__), [
                {"id": uuid7(), "source_id": ids[a], "type": t, "target_id": ids[b],
                 "row_version": 1, "created_at": now, "updated_at": now}
                for a, t, b in edges])
        touch_graph(s)
    return ids


def _oracle(n, edges, directions, starts, depth, upstream):
    """Distances in a graph with an arc wherever an outage travels (reversed upstream)."""
    g = nx.DiGraph()
    g.add_nodes_from(range(n))
    for a, t, b in edges:
        arcs = {"to_source": [(b, a)], "to_target": [(a, b)], "both": [(a, b), (b, a)],
                "none": []}[directions[t]]
        for x, y in arcs:
            g.add_edge(y, x) if upstream else g.add_edge(x, y)
    return nx.multi_source_dijkstra_path_length(g, set(starts), cutoff=depth)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=graphs(), picks=st.data())
def test_walks_match_networkx(db, data, picks):
    n, edges = data
    directions = picks.draw(st.fixed_dictionaries(
        {t: st.sampled_from(DIRECTIONS) for t in TYPES}))
    starts = picks.draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=3))
    depth = picks.draw(st.none() | st.integers(0, 4))
    upstream = picks.draw(st.booleans())
    set_outage_directions(db, directions)
    ids = _load(db, n, edges)
    result = graph.impact(db, [ids[i] for i in starts], upstream=upstream, depth=depth)
    expected = _oracle(n, edges, directions, starts, depth, upstream)
    got = {c.name: c.distance for c in result.affected}
    assert got == {f"ci{i:02d}": d for i, d in expected.items() if i not in starts}
    assert [c.name for c in result.down] == sorted({f"ci{i:02d}" for i in starts})
    services = {f"ci{i:02d}" for i in expected if i % 3 == 0}
    assert {c.name for c in result.services} == services
    order = [(c.distance, c.name) for c in result.affected]
    assert order == sorted(order)


def test_default_propagation_rules(db):
    svc = ci(db, "Banking", "business_service")
    app = ci(db, "bank-app")
    vm = ci(db, "vm-1", "virtual_machine")
    host = ci(db, "esx-1", "server")
    dc = ci(db, "DC1", "location")
    switch = ci(db, "sw-1", "network_device")
    san = ci(db, "san-1", "storage")
    rel(db, svc, "depends_on", app)
    rel(db, app, "runs_on", vm)
    rel(db, vm, "runs_on", host)
    rel(db, host, "contained_in", dc)
    rel(db, host, "connects_to", switch)
    rel(db, vm, "backed_up_by", san)
    down_dc = graph.impact(db, [dc.id])
    assert [(c.name, c.distance) for c in down_dc.affected] == [
        ("esx-1", 1), ("vm-1", 2), ("bank-app", 3), ("Banking", 4)]
    assert [c.name for c in down_dc.services] == ["Banking"]
    # The switch is the host's uplink: everything on the host is cut off with it.
    assert [(c.name, c.distance) for c in graph.impact(db, [switch.id]).affected] == [
        ("esx-1", 1), ("vm-1", 2), ("bank-app", 3), ("Banking", 4)]
    assert graph.impact(db, [san.id]).affected == ()  # a backup down stops nothing
    assert [c.name for c in graph.impact(db, [dc.id], depth=2).affected] == ["esx-1", "vm-1"]
    up = graph.impact(db, [svc.id], upstream=True)
    assert [c.name for c in up.affected] == ["bank-app", "vm-1", "esx-1", "DC1", "sw-1"]
    set_propagating_types(db, ["depends_on", "runs_on", "contained_in", "backed_up_by"])
    assert [c.name for c in graph.impact(db, [san.id]).affected] == [
        "vm-1", "bank-app", "Banking"]
    assert graph.impact(db, [switch.id]).affected == ()


def test_an_administrator_turns_a_types_direction(db):
    """The direction an administrator gives "runs on" decides what a VM's outage affects."""
    app = ci(db, "bank-app")
    vm = ci(db, "vm-1", "virtual_machine")
    host = ci(db, "esx-1", "server")
    rel(db, app, "runs_on", vm)
    rel(db, vm, "runs_on", host)
    assert [c.name for c in graph.impact(db, [vm.id]).affected] == ["bank-app"]
    set_outage_directions(db, {"runs_on": "to_target"})
    result = graph.impact(db, [vm.id])
    assert [c.name for c in result.affected] == ["esx-1"]
    assert result.directions["runs_on"] == "to_target"
    set_outage_directions(db, {"runs_on": "both"})
    assert [c.name for c in graph.impact(db, [vm.id]).affected] == ["bank-app", "esx-1"]
    set_outage_directions(db, {"runs_on": "none"})
    assert graph.impact(db, [vm.id]).affected == ()


def test_graph_follows_writes(db):
    a, b = ci(db, "a"), ci(db, "b")
    assert graph.impact(db, [b.id]).affected == ()
    rid = rel(db, a, "depends_on", b)
    assert [c.name for c in graph.impact(db, [b.id]).affected] == ["a"]
    sv.remove_relationship(db, None, rid)
    assert graph.impact(db, [b.id]).affected == ()
    rel(db, a, "depends_on", b)
    sv.delete_ci(db, None, a.id)
    assert graph.impact(db, [b.id]).affected == ()
    from desk.errors import NotFound

    with pytest.raises(NotFound):
        graph.impact(db, [a.id])


def test_neighbourhood_is_capped_and_nearest_first(db):
    hub = ci(db, "esx-1", "server")
    vms = [ci(db, f"vm-{i:03d}", "virtual_machine") for i in range(30)]
    for vm in vms:
        rel(db, vm, "runs_on", hub)
    app = ci(db, "crm")
    rel(db, app, "runs_on", vms[0])
    near = graph.neighbourhood(db, vms[0].id, hops=2, max_nodes=10)
    assert len(near.nodes) == 10 and near.hidden == 22
    assert near.nodes[0].name == "vm-000" and near.hop[app.id] == 1
    full = graph.neighbourhood(db, vms[0].id, hops=2)
    assert len(full.nodes) == 32 and full.hidden == 0
    assert (app.id, "runs_on", vms[0].id) in full.edges
    assert len(full.edges) == 31
