"""Labels of CI class fields: translated words for the built-in fields, acronyms in capitals
for administrators' fields (never "Ip address")."""

from __future__ import annotations

import pytest

from desk.cmdb.vocab import field_label


@pytest.mark.parametrize(("name", "label"), [
    ("ip_address", "IP address"),
    ("memory_gb", "Memory (GB)"),
    ("os", "Operating system"),
    ("cpu_cores", "CPU cores"),
    ("url", "URL"),
    ("mac_address", "MAC address"),  # an administrator's field
    ("os_version", "OS version"),
    ("rack_unit", "Rack unit"),
    ("dnsName", "DnsName"),  # no underscores: only the first letter changes
])
def test_field_labels(name, label):
    assert field_label(name) == label



def test_a_class_without_a_label_is_named_like_the_built_in_ones(db):
    from desk.cmdb import services as sv

    cls, _changes = sv.create_class(db, None, "ip_phone")
    assert cls.label == "IP phone"  # sentence case like "Network device", not "Ip Phone"
