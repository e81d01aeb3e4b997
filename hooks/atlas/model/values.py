"""The value types records are made of: bilingual text, the literal markers a source may need
(``not stated``, ``not printed``), and years and periods. Imported by the field specs and the
record definitions alike."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Union

LANGS = ("zh", "en")
NOT_STATED = "not stated"
MILESTONE = "milestone"  # the unit of a yes/no milestone indicator
NOT_PRINTED = "not printed"  # a source title or publisher the source does not print

Year = Union[int, str]  # an int, or NOT_STATED
Value = Union[int, float, tuple]  # a number, or (low, high) for a range


def period_end_year(period_code: str) -> int:
    """The year a reported period ends in (``2018..2019-07`` → 2019)."""
    return int(period_code.rpartition("..")[2][:4])


@dataclass(frozen=True)
class Text:
    """A bilingual text; either language may be missing (a warning, shown with a notice)."""

    zh: Optional[str] = None
    en: Optional[str] = None

    def get(self, lang: str) -> Optional[str]:
        return getattr(self, lang)

    def pick(self, lang: str) -> tuple[str, str]:
        """The text in ``lang`` or, failing that, the other language: ``(text, language used)``."""
        value = self.get(lang)
        if value:
            return value, lang
        for other in LANGS:
            if self.get(other):
                return self.get(other), other
        return "", lang

    def missing(self) -> tuple[str, ...]:
        return tuple(lang for lang in LANGS if not self.get(lang))
