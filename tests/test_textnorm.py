"""Unicode and tone-placement normalisation."""

from __future__ import annotations

import unicodedata

from hoptac.textnorm import fold, normalize


def test_tone_moves_to_first_vowel_of_open_syllable() -> None:
    assert normalize("hoà bình, thuý, hoá, Khoá học") == "hòa bình, thúy, hóa, Khóa học"


def test_qu_keeps_its_mark_on_y() -> None:
    assert normalize("quý khách") == "quý khách"


def test_closed_syllable_unchanged() -> None:
    assert normalize("hoàng, toán, khuyến") == "hoàng, toán, khuyến"


def test_nfd_input_becomes_nfc() -> None:
    assert normalize(unicodedata.normalize("NFD", "Đà Nẵng")) == "Đà Nẵng"


def test_fold_keeps_length() -> None:
    assert fold("Đà Nẵng hợp tác") == "da nang hop tac"
