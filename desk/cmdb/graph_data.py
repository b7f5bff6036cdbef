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

# Measured on the demo CMDB (3,368 CIs): within 1 hop a CI has a median of 3 neighbours
# (p99 15, a few racks and rooms up to 239); within 2 hops "contained in" pulls in whole data
# centres (median 133, up to 853). So the view starts at 1 hop and at most 60 CIs, and offers
# more hops and "show more" on demand.
DEFAULT_HOPS = 1
MAX_NODES = 60
MORE_NODES = 60


@dataclass(frozen=True)
class GraphData:
    hood: Neighbourhood
    placement: dict[uuid.UUID, Placement]
    open_incidents: dict[uuid.UUID, int]


def load_graph(db: Database, ci_id: uuid.UUID, hops: int, max_nodes: int = MAX_NODES,
               ) -> GraphData:
    """Everything the view needs for ``hops`` around ``ci_id``, from one snapshot."""
    with db.snapshot() as s:
        hood = graph.neighbourhood_in(s, db, ci_id, hops=hops, max_nodes=max_nodes)
        ids = [n.id for n in hood.nodes]
        counts = open_incident_counts(s, ids)
    placement = layered_layout(ids, hood.edges)
    return GraphData(hood, placement, counts)
