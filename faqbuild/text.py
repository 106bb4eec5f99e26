"""Text helpers shared by every stage: the quote rule's normalisation, the
one line/column helper, whole-word search, sort keys, suggestions of the
closest known id.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable


# Characters that are invisible in an editor and break verbatim matching.
# Characters that are invisible in an editor: they break verbatim matching, and
# the bidirectional controls among them can show text in another order than
# it is stored. Refused anywhere in faq.yml and the plans.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
INVISIBLE_RE = re.compile(f"[{BIDI_CONTROLS}\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180e"
                          "\u200b-\u200d\u2060-\u2064\u206a-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0"
                          "\ufff9-\ufffb\U000e0001\U000e0020-\U000e007f]")
BIDI_RE = re.compile(f"[{BIDI_CONTROLS}]")


def line_col(text: str, index: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a position in a text."""
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def norm_space(text: str) -> str:
    """NFC and collapse whitespace (incl. no-break spaces): the quote rule.
    Invisible characters are dropped: load_yaml_file has reported each one."""
    text = unicodedata.normalize("NFC", text)
    if INVISIBLE_RE.search(text):
        text = INVISIBLE_RE.sub("", text)
    spaced = " ".join(text.split())  # str.split() splits where \s+ matches, no-break spaces included
    return text if spaced == text else spaced  # the same object when nothing changed: less memory


def shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def closest(word: str, choices: Iterable[str], n: int = 3) -> list[str]:
    return difflib.get_close_matches(word, list(choices), n=n, cutoff=0.5)


def expected_one_of(word: str, choices: Iterable[str]) -> str:
    choices = list(choices)
    if not choices:
        return "expected one of the known ids, and there are none"
    near = closest(word, choices)
    if near:
        return "did you mean " + " or ".join(repr(c) for c in near) + "?"
    if len(choices) > 12:
        return "expected one of: " + ", ".join(choices[:12]) + ", …"
    return "expected one of: " + ", ".join(choices)


def one_line(message: str) -> str:
    """A problem is one line: a value quoted raw (a body's name written as a
    block scalar) must not split it."""
    return message.replace("\r", "\\r").replace("\n", "\\n")


def whole_word_in(phrase: str, text: str) -> bool:
    """Whether the phrase occurs in the text with no word character (as regex \\w:
    a letter, digit or underscore) right before or after it."""
    start = text.find(phrase)
    while start >= 0:
        end = start + len(phrase)
        if (start == 0 or not is_word_char(text[start - 1])) and (end == len(text) or not is_word_char(text[end])):
            return True
        start = text.find(phrase, start + 1)
    return False


def is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def title_case(printed: str) -> str:
    """"PHÓ BÍ THƯ THƯỜNG TRỰC" as written in running text: "Phó Bí thư Thường trực"."""
    words = printed.lower().split()
    out = []
    for i, word in enumerate(words):
        # Vietnamese capitalises the first syllable of each title word: Phó, Bí thư, Thường trực.
        first_of_word = i == 0 or (words[i - 1], word) not in {("bí", "thư"), ("thường", "trực")}
        out.append(word.capitalize() if first_of_word else word)
    return " ".join(out)


def fold_key(text: str) -> str:
    """Sort key that ignores Vietnamese diacritics, đ included."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()
