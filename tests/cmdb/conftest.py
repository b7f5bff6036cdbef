"""CMDB fixtures. ``desk.models.cmdb`` is imported explicitly until ``desk.models`` does."""

from __future__ import annotations

import desk.models.cmdb  # noqa: F401  (registers the CMDB tables)
