"""The text sanitizer every service entry point uses."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk.domain.text import clean_text, required_text, search_text
from desk.errors import ValidationError

# Any str Python can hold: Hypothesis leaves out surrogates unless no category is excluded;
# NASTY_TEXT makes NUL and lone surrogates common rather than rare.
ANY_TEXT = st.text(st.characters(exclude_categories=()))
NASTY_TEXT = st.text(st.sampled_from(["a", " ", "é", "\x00", "\ud800", "\udfff", "字"]))


@given(st.one_of(ANY_TEXT, NASTY_TEXT))
def test_stored_text_is_clean_utf8_or_refused_naming_the_field(value):
    try:
        text = clean_text(value, "title", "Title")
    except ValidationError as err:
        assert err.field == "title"
        assert str(err).startswith("Title contains a character that cannot be saved (U+")
        assert "\x00" in value or any("\ud800" <= c <= "\udfff" for c in value)
    else:
        assert text == value
        assert b"\x00" not in text.encode("utf-8")


@given(st.one_of(ANY_TEXT, NASTY_TEXT))
def test_search_text_always_gives_clean_utf8_keeping_the_rest(value):
    text = search_text(value)
    assert b"\x00" not in text.encode("utf-8")
    assert text == "".join(c for c in value if c != "\x00" and not "\ud800" <= c <= "\udfff")


def test_required_text_refuses_a_nul_and_names_the_character():
    with pytest.raises(ValidationError, match=r"Title contains .* \(U\+0000\)") as err:
        required_text(" Printer\x00 ", "title", 300, "A title is required", "Title")
    assert err.value.field == "title"
    with pytest.raises(ValidationError, match=r"\(U\+D83D\)"):
        required_text("smile \ud83d", "title", 300, "A title is required", "Title")
    assert required_text(" Printer ", "title", 300, "missing", "Title") == "Printer"
