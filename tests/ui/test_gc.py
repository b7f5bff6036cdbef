from __future__ import annotations

import gc

from desk.ui.gc import GuiThreadCollector


def test_collector_turns_automatic_gc_off_and_collects_on_its_timer(qtbot):
    was_enabled = gc.isenabled()
    collector = GuiThreadCollector()
    try:
        assert not gc.isenabled()
        garbage = []
        for _ in range(gc.get_threshold()[0] + 10):
            a: list = []
            a.append(a)  # a cycle only the cyclic collector frees
            garbage.append(a)
        del garbage, a
        assert gc.get_count()[0] >= gc.get_threshold()[0]
        qtbot.waitUntil(lambda: gc.get_count()[0] < gc.get_threshold()[0], timeout=10_000)
    finally:
        collector.stop()
        if not was_enabled:
            gc.disable()
