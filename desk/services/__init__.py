"""Use cases of the Qt-free core. Each takes a ``Database``, runs one unit of work and returns
plain frozen dataclasses (never ORM objects) plus a ``Changes`` value for the broadcast."""
