"""What the relationship graph view shows: a neighbourhood, its layout, open incidents.

Computed on the database worker; the Qt view only draws it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from desk.cmdb import graph
from desk.cmdb.graph import Neighbourhood
from desk.cmdb.layout import Placement, layered_layout
from desk.cmdb.services import open_incident_counts
from desk.db.session import Database

MAX_NODES = 200


@dataclass(frozen=True)
class GraphData:
    hood: Neighbourhood
    placement: dict[uuid.UUID, Placement]
    open_incidents: dict[uuid.UUID, int]


def load_graph(db: Database, ci_id: uuid.UUID, hops: int, max_nodes: int = MAX_NODES,
               ) -> GraphData:
    """Everything the view needs for ``hops`` around ``ci_id``."""
    hood = graph.neighbourhood(db, ci_id, hops=hops, max_nodes=max_nodes)
    ids = [n.id for n in hood.nodes]
    placement = layered_layout(ids, hood.edges)
    with db.read() as s:
        counts = open_incident_counts(s, ids)
    return GraphData(hood, placement, counts)  # type: ignore[arg-type]
