"""faqbuild.text: whole-word search agrees with the whole-word regex, the one
line/column helper, the quote rule's normalisation, the diacritic-blind sort
key and the closest-id suggestions."""

from __future__ import annotations

import random
import re

from faqbuild.text import expected_one_of, fold_key, line_col, norm_space, whole_word_in

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


def test_line_col_counts_lines_and_characters_from_one():
    text = "ab\nệđ\n\nx"
    assert line_col(text, 0) == (1, 1)
    assert line_col(text, 3) == (2, 1)
    assert line_col(text, 4) == (2, 2)   # characters, not bytes: "ệ" is one column
    assert line_col(text, 7) == (4, 1)
    assert line_col(text, len(text)) == (4, 2)


def test_norm_space_is_the_quote_rule():
    decomposed = "Tỉnh ủy".replace("ỉ", "i\u0309")
    assert norm_space(decomposed) == "Tỉnh ủy"                           # NFC
    assert norm_space("a\u00a0 b\n\tc") == "a b c"                   # no-break space and line breaks
    assert norm_space("dư\u200b luận") == "dư luận"                     # invisible characters dropped


def test_fold_key_ignores_diacritics_and_d_stroke():
    names = ["Ủy ban", "Đảng ủy", "Ban Tuyên giáo", "dân vận"]
    assert sorted(names, key=fold_key) == ["Ban Tuyên giáo", "dân vận", "Đảng ủy", "Ủy ban"]
    assert fold_key("ĐẢNG ỦY") == "dang uy"


def test_expected_one_of_suggests_the_closest_known_id():
    assert expected_one_of("btgvd", ["btgdv", "mttq", "so-noi-vu"]) == "did you mean 'btgdv'?"
    assert expected_one_of("zzz", ["a", "b"]) == "expected one of: a, b"
    assert expected_one_of("x", []) == "expected one of the known ids, and there are none"
