"""Helpers that replace a library call for speed must agree with it: rel()
with posixpath.relpath, whole_word_in() with the whole-word regex it replaced."""

from __future__ import annotations

import random
import re

from faqbuild.text import whole_word_in



def test_whole_word_in_matches_the_regex():
    assert whole_word_in("btgdv", "ban btgdv tỉnh")
    assert not whole_word_in("btgdv", "btgdvtw")
    assert not whole_word_in("ủy ban", "ủy bann")
    rng = random.Random(47)
    alphabet = "ab ệ_1-.Đđ"
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        phrase = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 3)))
        expected = re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None
        assert whole_word_in(phrase, text) is expected, (phrase, text)
