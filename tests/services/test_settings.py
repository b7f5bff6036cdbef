"""One settings registry: declared options, checked values, titles translated when shown."""

from __future__ import annotations

import pytest

from desk import i18n
from desk.cmdb import settings as cmdb_settings
from desk.cmdb.vocab import OutageDirection, RelType
from desk.errors import ValidationError
from desk.models import Setting
from desk.services import settings
from desk.services.settings import OPTIONS, Option, register


def test_cmdb_options_register_into_the_one_registry():
    keys = list(OPTIONS)
    assert keys[:2] == ["attachment_max_bytes", "auto_close_business_days"]
    assert {f"cmdb.outage.{t.value}" for t in RelType} <= set(keys)
    assert {"cmdb.major_incident_count", "cmdb.major_incident_minutes"} <= set(keys)
    assert OPTIONS["cmdb.outage.connects_to"].choices == tuple(OutageDirection)


def test_titles_are_translated_when_shown_not_when_declared():
    option = OPTIONS["attachment_max_bytes"]
    i18n.set_backend({"Largest attachment (bytes)": "最大附件（字节）",
                      "Tickets": "工单"}.get)
    try:
        assert option.label == "最大附件（字节）" and option.section_label == "工单"
    finally:
        i18n.set_backend(None)
    assert option.label == "Largest attachment (bytes)"


def test_a_key_is_declared_once():
    register(OPTIONS["attachment_max_bytes"])  # the same declaration again: harmless
    with pytest.raises(ValueError, match="declared twice"):
        register(Option("attachment_max_bytes", int, 1, "Other"))


def test_values_are_checked_with_a_message_a_user_can_read(db):
    assert settings.get_setting(db, "auto_close_business_days") == 5
    with pytest.raises(ValidationError, match="must be a whole number"):
        settings.set_setting(db, "auto_close_business_days", "soon")
    with pytest.raises(ValidationError, match="must be at least 2"):
        cmdb_settings.set_major_incident_rule(db, count=1, minutes=30)
    with pytest.raises(ValidationError, match="is not one of the choices"):
        cmdb_settings.set_outage_directions(db, {"runs_on": "sideways"})
    with pytest.raises(ValidationError, match="Unknown relationship type"):
        cmdb_settings.set_outage_directions(db, {"flies_to": "both"})
    with pytest.raises(ValidationError, match="Unknown setting"):
        settings.save_settings(db, {"no.such.key": 1})
    # Nothing of a refused batch is written, not even its valid values.
    with pytest.raises(ValidationError):
        settings.save_settings(db, {"auto_close_business_days": 9,
                                    "cmdb.major_incident_minutes": 0})
    assert settings.get_setting(db, "auto_close_business_days") == 5
    settings.save_settings(db, {"auto_close_business_days": "9",
                                "cmdb.outage.backed_up_by": "to_source"})
    assert settings.current_settings(db)["auto_close_business_days"] == 9
    assert cmdb_settings.outage_directions(db)[RelType.BACKED_UP_BY] is (
        OutageDirection.TO_SOURCE)


def test_a_stale_stored_value_reads_as_the_default(db):
    with db.write() as s:
        s.add(Setting(key="cmdb.outage.runs_on", value="sideways"))
        s.add(Setting(key="cmdb.major_incident_count", value=0))
    assert cmdb_settings.outage_directions(db)[RelType.RUNS_ON] is OutageDirection.TO_SOURCE
    assert cmdb_settings.major_incident_rule(db).count == 3


def test_a_database_set_up_before_directions_keeps_its_choice(db):
    with db.write() as s:
        s.add(Setting(key=cmdb_settings.LEGACY_PROPAGATING_KEY, value=["depends_on"]))
    directions = cmdb_settings.outage_directions(db)
    assert directions[RelType.DEPENDS_ON] is OutageDirection.TO_SOURCE
    assert directions[RelType.CONNECTS_TO] is OutageDirection.NONE
    cmdb_settings.set_outage_directions(db, {"connects_to": "to_source"})
    assert cmdb_settings.propagating_types(db) == {RelType.DEPENDS_ON, RelType.CONNECTS_TO}
