"""SLA use cases above the services (Qt-free): administration of calendars and policies,
escalations, attainment reports, the ``desk sla`` command and the SLA columns, filter term and
view of the queue engine. The engine they use (calendars, policies, clocks) is ``desk.sla``,
below the services."""
