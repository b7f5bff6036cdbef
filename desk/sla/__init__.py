"""SLA engine, Qt-free, below the services: business calendars, policies and the clocks that
run on them (``desk.services.tickets`` refreshes a ticket's clocks through ``engine``). What
administrators and the queues do with it lives above the services, in ``desk.slaops``."""
