"""Names of the demo CMDB's configuration items, shared by the ticket texts and the CMDB.

The demo tickets are built (in worker processes, before any CI exists) by ``desk.demo.life``
and the CMDB afterwards by ``desk.cmdb.demo``; both take CI names from here, so a ticket that
names a server, database or switch names one that the demo CMDB holds, at the location the
ticket says. ``desk.cmdb.demo`` then links each ticket to the CIs its text names
(``CI_NAME``), which is how a major incident's impact view shows the outage it is about.

The offices of the demo CMDB are the sites the tickets mention (``POOLS["site"]`` of the
locale's vocabulary); each has one access switch.
"""

from __future__ import annotations

import re

DATA_CENTRES = 4
ESX_PER_DC = 60
VMS = 1400
DATABASES = 160
WORKSTATIONS = 1200
APP_WORDS = ("core", "api", "web", "batch", "etl", "gateway", "auth", "search", "report",
             "sync", "queue", "cache", "admin", "ledger", "notify", "scheduler")
# Offices whose switch's uplink is the first data centre's first core switch (the others
# hang off its second core).
OFFICES_ON_CORE_1 = 4

# A CI name inside ticket text: not part of a longer word (ASCII letters, digits, hyphens).
CI_NAME = re.compile(r"(?<![A-Za-z0-9-])(?:dc\d+-(?:core|fw|tor|san|esx)-\d+|vm-\d{5}"
                     r"|db-[a-z]+-\d{3}|office\d+-sw-1|ws-\d{5})(?![A-Za-z0-9-])")


def esx(dc: int, i: int) -> str:
    return f"dc{dc}-esx-{i:03d}"


def vm(i: int) -> str:
    return f"vm-{i:05d}"


def database(i: int) -> str:
    return f"db-{APP_WORDS[i * 7 % len(APP_WORDS)]}-{i:03d}"


def workstation(i: int) -> str:
    return f"ws-{i:05d}"


def office_switch(office: int) -> str:
    """The access switch of the ``office``-th site (1-based, in ``POOLS["site"]`` order)."""
    return f"office{office}-sw-1"
