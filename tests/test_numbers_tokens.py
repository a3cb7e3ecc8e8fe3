"""The number scanner reads only the tokens it needs, and reads the same as reading more."""

from __future__ import annotations

import random

import pytest

from factcheck import compiled
from factcheck.mentions.numbers import _Reader

# ---- number words read only as far as they run ----------------------------------------------

WORDS = ("one two three twenty forty-five hundred thousand million dozen dozens few several couple "
         "hundreds of millions tens half a an and third thirds quarter fifth percentage percent point "
         "points - hour days people the The , twice double fold score").split()


class _ReadsTwelve(_Reader):
    """The reader as it was: number words always read twelve tokens ahead."""

    def fwd(self, pos: int, k: int) -> list:
        return super().fwd(pos, max(k, 12))


def _phrases() -> list[str]:
    rng = random.Random(11)
    out = ["several days", "three companies", "twenty-one thousand three hundred and four people",
           "two and a half million", "a quarter of a percentage point", "half a percentage point",
           "hundreds of millions of people", "tens of thousands", "one-eighth", "two thirds of a million"]
    for _ in range(3000):
        out.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 9))))
    return out


@pytest.mark.skipif(compiled(), reason="a compiled class takes no Python subclass; the pure-Python run checks the reader")
def test_number_words_read_as_far_as_they_run() -> None:
    for text in _phrases():
        for i in (0, text.find(" ") + 1):
            assert _Reader(text).words(i) == _ReadsTwelve(text).words(i), (text, i)
