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


def test_collector_collects_generations_in_turn_as_cpython_would(qtbot):
    """Mostly young collections: a full one walks every object and stalls the window."""
    was_enabled = gc.isenabled()
    collector = GuiThreadCollector()
    collector._timer.stop()  # driven by hand here
    try:
        gc.collect()
        threshold0, threshold1, threshold2 = gc.get_threshold()
        done = []
        for _ in range((threshold1 + 1) * (threshold2 + 1)):
            for _ in range(2 * threshold0):
                a: list = []
                a.append(a)
            done.append(collector.collect_if_due())
        assert None not in done  # every round crossed the young threshold
        assert done.count(0) > done.count(1) > done.count(2) >= 1
        assert done.index(1) >= threshold1 - 1  # only after young collections
    finally:
        collector.stop()
        if not was_enabled:
            gc.disable()
