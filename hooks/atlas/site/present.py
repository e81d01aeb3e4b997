"""How values read in each language: numbers with units and comparators, dates, deadlines."""

from __future__ import annotations

import datetime as _dt

from ..build.labels import label
from ..model.records import NOT_STATED, Unit


def number(value) -> str:
    """A number as printed in the source: no trailing ``.0``, no float noise."""
    if isinstance(value, float):
        text = repr(value)
        return text[:-2] if text.endswith(".0") else text
    return str(value)


_ZH_SCALES = ((10**12, "万亿"), (10**8, "亿"), (10**4, "万"))
_EN_SCALES = ((10**12, " trillion"), (10**9, " billion"), (10**6, " million"))


def _plain(x: float) -> str:
    text = f"{round(x, 6):f}".rstrip("0").rstrip(".")
    return text or "0"


def percent(rate: float, lang: str) -> str:
    """A growth rate per year as a percentage with one decimal: 0.0523 → ``5.2%``."""
    return f"{rate * 100:.1f}%"


def compact(value: float, lang: str) -> str:
    """A short axis label with Babel's compact forms: 150000000 → ``1.5亿`` / ``150M``."""
    from babel.numbers import format_compact_decimal
    return format_compact_decimal(value, locale="zh_Hans_CN" if lang == "zh" else "en", fraction_digits=2)


def natural(value: float, lang: str) -> str:
    """A base-unit amount as people write it: 2460000 → ``246万`` / ``2.46 million``."""
    scales = _ZH_SCALES if lang == "zh" else _EN_SCALES
    for size, word in scales:
        if abs(value) >= size:
            return _plain(value / size) + word
    if lang == "en" and abs(value) >= 10000:
        whole, _, frac = _plain(value).partition(".")
        return f"{int(whole):,}" + (f".{frac}" if frac else "")
    return _plain(value)


def with_unit(value, unit: Unit, lang: str, base: Unit | None = None) -> str:
    """``127个`` in Chinese, ``127 projects`` in English; a range reads ``50–100``.

    With ``base`` (the unit's base unit) marked ``scale``, amounts read naturally in each
    language: 2.46 million TEU is ``246万标箱`` and ``2.46 million TEU``; 250 billion yuan is
    ``2500亿元``.
    """
    values = value if isinstance(value, tuple) else (value,)
    if base is not None and base.scale:
        shown = "–".join(natural(v * unit.factor, lang) for v in values)
        unit = base
    else:  # counts read naturally too: 26000家 → 2.6万家, 26000 enterprises → 26,000 enterprises
        shown = "–".join(natural(v, lang) if abs(v) >= 10000 else number(v) for v in values)
    name = unit.name.pick(lang)[0]
    if lang == "zh" or name in ("%", "‰") or not name:
        return f"{shown}{name}"
    return f"{shown} {name}"


def target_value(comparator: str, value, unit: Unit, lang: str, base: Unit | None = None) -> str:
    """The commitment in words: ``不少于 127个`` / ``at least 127 projects``."""
    word = label(f"cmp_{comparator}", lang)
    amount = with_unit(value, unit, lang, base)
    if not word:
        return amount
    return f"{word}{amount}" if lang == "zh" else f"{word} {amount}"


def deadline(year, basis: str, lang: str) -> str:
    """``2020年`` / ``by 2020``; ``未说明`` / ``not stated``; plus the basis when it is not by-year."""
    if year == NOT_STATED:
        when = label("not_stated", lang)
    elif lang == "zh":
        when = f"{year}年"
    else:
        when = f"by {year}" if basis == "by_year" else str(year)
    if basis == "by_year":
        return when
    return f"{when}（{label('basis_' + basis, lang)}）" if lang == "zh" else \
        f"{when} ({label('basis_' + basis, lang)})"


def date(value: _dt.date, lang: str) -> str:
    """``2016年4月12日`` / ``12 April 2016`` (Babel: no platform-specific strftime codes)."""
    if lang == "zh":
        return f"{value.year}年{value.month}月{value.day}日"
    from babel.dates import format_date
    return format_date(value, "d MMMM y", locale="en")


def period(start, end, lang: str) -> str:
    if start == NOT_STATED and end == NOT_STATED:
        return label("not_stated", lang)
    def show(y):
        return label("not_stated", lang) if y == NOT_STATED else str(y)
    text = show(start) if start == end else f"{show(start)}–{show(end)}"  # one year reads once
    return f"{text}年" if lang == "zh" and end != NOT_STATED else text


def period_label(period_code: str, lang: str) -> str:
    """``2019-H1`` → ``2019年上半年`` / ``2019 H1``; a span ``A..B`` reads ``A–B``."""
    if ".." in period_code:
        start, _, end = period_code.partition("..")
        return f"{period_label(start, lang)}–{period_label(end, lang)}"
    year, _, part = period_code.partition("-")
    if not part:
        return f"{year}年" if lang == "zh" else year
    if lang == "zh":
        names = {"H1": "上半年", "H2": "下半年", "Q1": "一季度", "Q2": "二季度", "Q3": "三季度",
                 "Q4": "四季度"}
        if part in names:
            return f"{year}年{names[part]}"
        return f"{year}年{int(part)}月"
    if part.startswith(("H", "Q")):
        return f"{year} {part}"
    from babel.dates import format_date
    return format_date(_dt.date(int(year), int(part), 1), "MMMM y", locale="en")


_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _cn_to_int(text: str):
    """一 … 九十九 → int; anything else → None."""
    if not text or any(ch not in _CN_DIGITS for ch in text):
        return None
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
    return _CN_DIGITS[text] if len(text) == 1 else None


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}
_CN_NUMERALS = "零一二三四五六七八九十"


def _roman_to_int(text: str):
    """I … XXXIX → int; anything else → None."""
    if not text or any(ch not in _ROMAN for ch in text):
        return None
    total = 0
    for i, ch in enumerate(text):
        value = _ROMAN[ch]
        total += -value if i + 1 < len(text) and _ROMAN[text[i + 1]] > value else value
    return total


def _int_to_cn(value: int) -> str:
    if value <= 10:
        return _CN_NUMERALS[value]
    tens, ones = divmod(value, 10)
    return (("" if tens == 1 else _CN_NUMERALS[tens]) + "十" + (_CN_NUMERALS[ones] if ones else ""))


def item_number(number: str | None, lang: str) -> str:
    """A section or item number as a heading prefix: ``一、`` ``（一）`` ``1.`` / ``1.`` ``(1)`` ``1.``."""
    if not number:
        return ""
    bare = number.strip("()（）.、 ")
    wrapped = number.strip().startswith(("(", "（"))
    roman = _roman_to_int(bare)
    value = _cn_to_int(bare) if roman is None else roman
    if lang == "zh":
        if roman is not None:
            bare = _int_to_cn(roman)
        if wrapped:
            return f"（{bare}）"
        return f"{bare}、" if value is not None else f"{bare}."
    if roman is not None:
        return f"({bare})" if wrapped else f"{bare}."
    shown = str(value) if value is not None else bare
    return f"({shown})" if wrapped else f"{shown}."


def citation_number(numbers, lang: str) -> str:
    """Where an item sits, from its section and item numbers: ``二（二）1`` / ``2.2.1``."""
    numbers = [n for n in numbers if n]
    if not numbers:
        return ""
    if lang == "zh":
        out = ""
        for n in numbers:
            bare = n.strip("()（）.、 ")
            roman = _roman_to_int(bare)
            bare = _int_to_cn(roman) if roman is not None else bare
            if n.strip().startswith(("(", "（")):
                out += f"（{bare}）"
            else:
                if out and bare[:1].isdigit() and not out.endswith("）"):
                    out += "、" if _cn_to_int(out[-1]) is not None else "."
                out += bare
        return out
    parts = []
    for n in numbers:
        bare = n.strip("()（）.、 ")
        value = _roman_to_int(bare)
        value = _cn_to_int(bare) if value is None else value
        parts.append(str(value) if value is not None else bare)
    return ".".join(parts)
