"""What the ticket form reads, and what it says when a read fails."""

from __future__ import annotations

import uuid


def test_a_ticket_that_is_gone_says_so(qtbot, make_form, world, runner):
    form = make_form(uuid.uuid4(), wait=False)
    qtbot.waitUntil(form.banner.isVisible, timeout=10_000)
    assert form.banner.text.text() == "This ticket no longer exists."
    assert form.banner.is_error
    assert form.isEnabled()  # the agent can still read the notice and close the tab
    assert not form.ready
    assert not form.save()
