"""The CMDB core (Qt-free): CI and relationship services, impact analysis, CSV import/export,
the ``desk cmdb`` command and the demo CMDB."""
