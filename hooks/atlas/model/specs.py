"""A small declarative checker: field specs that turn loaded YAML into typed records.

Each spec checks one value at a path, records every problem in a ``Checker`` (never raising),
and returns the typed value or ``INVALID``. References to other records are not looked up here;
they are queued with their location and resolved once every file is read (see ``validate``).
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import difflib
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

from .errors import Diagnostic, Loc, dotted
from .values import LANGS, NOT_PRINTED, NOT_STATED, Text

SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_TEXT = 5000
SINGLE_LINE_MAX = 300  # text this short (names, titles, short forms) is one line: a line break is an error
MAX_NUMBER = 1e15  # larger than any amount a plan prints (in its own unit); beyond it is a typo or an attack
PATH_KEY = "@path"  # in a record's ``locs``: the dotted path of the record itself  # characters; longer text is almost always a paste gone wrong


class _Invalid:
    def __repr__(self) -> str:
        return "INVALID"


INVALID = _Invalid()


def field_path(record, name: str) -> str:
    """``sections[0].tasks[2].targets[1]`` + ``.unit``: where a record's field is, for messages."""
    base = record.locs.get(PATH_KEY, "")
    return f"{base}.{name}" if base else name


def did_you_mean(word: str, candidates) -> str:
    match = difflib.get_close_matches(str(word), list(candidates), n=1, cutoff=0.6)
    return f"did you mean '{match[0]}'?" if match else ""


@dataclass(frozen=True)
class PendingRef:
    """A reference to check once all ids are known."""

    kind: str
    id: str
    loc: Loc
    field: str


@dataclass
class Checker:
    """Collects diagnostics and pending references while one document is checked."""

    doc: Any  # a load.yaml_source.YamlDoc (anything with .loc(path, key)); the model does not import the loader
    diagnostics: list = field(default_factory=list)
    refs: list = field(default_factory=list)

    def loc(self, path, key: bool = False) -> Loc:
        return self.doc.loc(path, key=key)

    def error(self, path, message: str, hint: str = "", *, key: bool = False) -> _Invalid:
        self.diagnostics.append(Diagnostic(self.loc(path, key), dotted(path), message, hint))
        return INVALID

    def warn(self, path, message: str, hint: str = "") -> None:
        self.diagnostics.append(
            Diagnostic(self.loc(path), dotted(path), message, hint, severity="warning"))


def _type_name(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (true/false)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, _dt.date):
        return f"the date {value.isoformat()}"
    return f"'{value}'"


class Spec:
    """Base: ``check`` returns the typed value or ``INVALID`` after recording a diagnostic."""

    expected = "a value"

    def check(self, value: Any, path: tuple, ck: Checker) -> Any:  # pragma: no cover
        raise NotImplementedError

    def wrong_type(self, value: Any, path: tuple, ck: Checker, hint: str = "") -> _Invalid:
        return ck.error(path, f"expected {self.expected}, found {_type_name(value)}", hint)

    def json_schema(self) -> dict:
        """The same rule as JSON Schema (draft 2020-12), for editors and other tools."""
        return {"description": self.expected}

    def describe(self, lang: str) -> str:
        """What the field takes, in words, for the field reference."""
        return self.expected


class Str(Spec):
    expected = "text"

    def __init__(self, max_len: int = MAX_TEXT, numbers_ok: bool = False):
        self.max_len = max_len
        self.numbers_ok = numbers_ok

    def json_schema(self):
        out = {"type": "string", "minLength": 1, "maxLength": self.max_len}
        return {"anyOf": [out, {"type": "number"}]} if self.numbers_ok else out

    def describe(self, lang):
        return "文本" if lang == "zh" else "text"

    def check(self, value, path, ck):
        if self.numbers_ok and isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            return self.wrong_type(value, path, ck, "quote it if it is text")
        value = value.strip()
        if not value:
            return ck.error(path, "is empty", "write the text, or remove the key if it is optional")
        if len(value) > self.max_len:
            return ck.error(path, f"text is {len(value)} characters long, more than {self.max_len}",
                            "shorten it; put long passages in the source text, not in a field")
        if self.max_len <= SINGLE_LINE_MAX and ("\n" in value or "\r" in value):
            return ck.error(path, "a line break in a one-line field (a name, title or short text)",
                            "write it on one line; in YAML, a text that goes on after a line break needs quotes")
        odd_text(value, path, ck)
        return value


_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!]")


def odd_text(value: str, path, ck: Checker) -> None:
    """Text that is allowed but probably not meant: markup, table pipes. It is shown as text."""
    if _MARKUP.search(value):
        ck.warn(path, "contains HTML markup; the page shows it as text, not as markup",
                "remove the tags unless the source really prints them")
    if "|" in value:
        ck.warn(path, "contains '|'; the page shows it as a character",
                "check it is not a paste from a table")


class Slug(Spec):
    expected = "an id (lowercase letters, digits and hyphens)"

    def json_schema(self):
        return {"type": "string", "pattern": SLUG_RE.pattern, "description": self.expected}

    def describe(self, lang):
        return "编号（小写字母、数字、连字符）" if lang == "zh" else "id (lowercase letters, digits, hyphens)"

    def check(self, value, path, ck):
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            return self.wrong_type(value, path, ck)
        if not SLUG_RE.match(value):
            suggestion = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")
            hint = "ids are lowercase ASCII letters, digits and single hyphens"
            if suggestion and SLUG_RE.match(suggestion):
                hint += f", e.g. '{suggestion}'"
            return ck.error(path, f"'{value}' is not a valid id", hint)
        return value


class Ref(Slug):
    """An id of another record of ``kind``; checked after all files are read."""

    def __init__(self, kind: str):
        self.kind = kind

    def describe(self, lang):
        return f"{self.kind} 的编号" if lang == "zh" else f"{self.kind} id"

    def check(self, value, path, ck):
        value = super().check(value, path, ck)
        if value is not INVALID:
            ck.refs.append(PendingRef(self.kind, value, ck.loc(path), dotted(path)))
        return value


class Enum(Spec):
    def __init__(self, *choices: str):
        self.choices = choices
        self.expected = "one of " + ", ".join(choices)

    def json_schema(self):
        return {"enum": list(self.choices)}

    def describe(self, lang):
        return ("取值之一：" if lang == "zh" else "one of: ") + ", ".join(f"`{c}`" for c in self.choices)

    def check(self, value, path, ck):
        if value in self.choices:
            return value
        hint = did_you_mean(value, self.choices) or self.expected
        return ck.error(path, f"{_type_name(value)} is not allowed here", hint)


class RegexSpec(Spec):
    expected = "a regular expression"

    def json_schema(self):
        return {"type": "string", "format": "regex"}

    def describe(self, lang):
        return "正则表达式" if lang == "zh" else "regular expression"

    def check(self, value, path, ck):
        value = Str(500).check(value, path, ck)
        if value is INVALID:
            return value
        try:
            parsed = _sre_parse(value)
        except re.error as exc:
            return ck.error(path, f"not a valid regular expression: {exc}",
                            "escape ( ) [ ] . * + ? with a backslash to match them literally")
        risky = _backtracking_risk(parsed)
        if risky:
            return ck.error(path, f"this pattern can take practically forever on some texts ({risky})",
                            "match the literal text, or repeat only a plain character or class, e.g. 區(?:\\(qu\\))+")
        return value


class Bool(Spec):
    expected = "true or false"

    def json_schema(self):
        return {"type": "boolean"}

    def describe(self, lang):
        return "`true` 或 `false`" if lang == "zh" else "`true` or `false`"

    def check(self, value, path, ck):
        if isinstance(value, bool):
            return value
        return self.wrong_type(value, path, ck)


class Number(Spec):
    """A finite number written in decimal, of a size a plan could print (``positive``: above 0)."""

    expected = "a number"

    def __init__(self, positive: bool = False):
        self.positive = positive

    def json_schema(self):
        if self.positive:
            return {"type": "number", "exclusiveMinimum": 0, "maximum": MAX_NUMBER}
        return {"type": "number", "minimum": -MAX_NUMBER, "maximum": MAX_NUMBER}

    def describe(self, lang):
        return "数字" if lang == "zh" else "number"

    def check(self, value, path, ck):
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            return self.wrong_type(value, path, ck, "write digits only, e.g. 246 or 2.46; the unit goes in `unit`")
        if value != value or abs(value) > MAX_NUMBER:  # NaN, infinity, or absurdly large
            return ck.error(path, f"{_short(value)} is not a usable number",
                            f"write a finite number below {MAX_NUMBER:.0e}; choose a larger unit for large amounts")
        if self.positive and value <= 0:
            return ck.error(path, f"{value} must be above 0", "a unit's factor is how many base units one of it is")
        return value


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 24 else text[:20] + "…"


class TargetValue(Spec):
    expected = "a number, or [low, high] for a range"

    def json_schema(self):
        return {"anyOf": [{"type": "number"},
                          {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2}]}

    def describe(self, lang):
        return "数字，或区间 [下限, 上限]" if lang == "zh" else "number, or [low, high] for a range"

    def check(self, value, path, ck):
        if isinstance(value, list):
            items = [Number().check(v, path + (i,), ck) for i, v in enumerate(value)]
            if INVALID in items:
                return INVALID
            if len(items) != 2 or not items[0] < items[1]:
                return ck.error(path, "a range must be [low, high] with low < high", "e.g. [50, 100]")
            return tuple(items)
        return Number().check(value, path, ck)


class YearSpec(Spec):
    expected = f"a year (e.g. 2020) or '{NOT_STATED}'"

    def json_schema(self):
        return {"anyOf": [{"type": "integer", "minimum": 1900, "maximum": 2100}, {"const": NOT_STATED}]}

    def describe(self, lang):
        return "年份，或 `not stated`" if lang == "zh" else "year, or `not stated`"

    def check(self, value, path, ck):
        if value == NOT_STATED:
            return value
        if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2100:
            return value
        return self.wrong_type(value, path, ck,
                               f"write four digits, or '{NOT_STATED}' when the source gives no year")


class DateSpec(Spec):
    expected = "a date written YYYY-MM-DD"

    def json_schema(self):
        return {"type": "string", "format": "date"}

    def describe(self, lang):
        return "日期 YYYY-MM-DD" if lang == "zh" else "date YYYY-MM-DD"

    def check(self, value, path, ck):
        if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
            return value
        return self.wrong_type(value, path, ck, "e.g. 2010-12-09")


try:  # Python 3.11+
    import re._parser as _sre
except ImportError:  # pragma: no cover
    import sre_parse as _sre  # type: ignore
_REPEATS = {_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)} - {None}


def _sre_parse(pattern: str):
    re.compile(pattern)
    return _sre.parse(pattern)


def _backtracking_risk(items, in_repeat: bool = False) -> str:
    """Why a parsed pattern could backtrack exponentially ("" if it cannot): a repetition inside
    a repetition, a choice inside a repetition, or a back-reference or look-around anywhere.
    Corrections are small literal fixes; Python's ``re`` has no time limit, so the data may not
    bring patterns that can hang the build (issue 11)."""
    for op, arg in items:
        if op in (_sre.GROUPREF, getattr(_sre, "GROUPREF_EXISTS", None)):
            return "back-references are not allowed"
        if op in (_sre.ASSERT, _sre.ASSERT_NOT):
            return "look-ahead and look-behind are not allowed"
        if op in _REPEATS:
            if in_repeat:
                return "a repetition inside a repetition"
            inner = arg[2]
            if any(sub_op in _REPEATS for sub_op, _ in _walk_ops(inner)):
                return "a repetition inside a repetition"
            if any(sub_op == _sre.BRANCH for sub_op, _ in _walk_ops(inner)):
                return "a choice (|) inside a repetition"
            found = _backtracking_risk(inner, True)
            if found:
                return found
        elif op == _sre.SUBPATTERN:
            found = _backtracking_risk(arg[-1], in_repeat)
            if found:
                return found
        elif op == _sre.BRANCH:
            for alternative in arg[1]:
                found = _backtracking_risk(alternative, in_repeat)
                if found:
                    return found
    return ""


def _walk_ops(items):
    for op, arg in items:
        yield op, arg
        if op == _sre.SUBPATTERN:
            yield from _walk_ops(arg[-1])
        elif op in _REPEATS:
            yield from _walk_ops(arg[2])
        elif op == _sre.BRANCH:
            for alternative in arg[1]:
                yield from _walk_ops(alternative)


class FileName(Str):
    """A file name in ``data/sources/``: letters, digits, ``. _ -``; no folder, no way out."""

    expected = "a file name such as 000_7bf17a918e0637eb.txt"
    PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")

    def __init__(self):
        super().__init__(200)

    def json_schema(self):
        return {"type": "string", "pattern": self.PATTERN.pattern}

    def check(self, value, path, ck):
        value = super().check(value, path, ck)
        if value is INVALID:
            return value
        if not self.PATTERN.match(value) or ".." in value:
            return ck.error(path, f"'{_short(value)}' is not a plain file name",
                            "name a file in data/sources/ by its name alone (letters, digits, . _ -)")
        return value


class DateOrYear(DateSpec):
    """When a milestone happened: a date, or only its year when that is all the source says."""

    expected = "a date written YYYY-MM-DD, or a year"

    def json_schema(self):
        return {"anyOf": [super().json_schema(), {"type": "integer", "minimum": 1900, "maximum": 2100}]}

    def describe(self, lang):
        return "日期 YYYY-MM-DD 或年份" if lang == "zh" else "date YYYY-MM-DD, or a year"

    def check(self, value, path, ck):
        if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2100:
            return value
        return super().check(value, path, ck)


_ONE_PERIOD = r"(19|20)\d\d(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?"
PERIOD_RE = re.compile(rf"^{_ONE_PERIOD}(\.\.{_ONE_PERIOD})?$")


class PeriodSpec(Spec):
    expected = "a period such as 2018, 2019-H1, 2019-Q3, 2019-06, or a span such as 2018..2019"

    def json_schema(self):
        return {"anyOf": [{"type": "integer"}, {"type": "string", "pattern": PERIOD_RE.pattern}],
                "description": self.expected}

    def describe(self, lang):
        return ("时期，如 2018、2019-H1、2019-Q3、2019-06、2018..2019" if lang == "zh"
                else "period such as 2018, 2019-H1, 2019-Q3, 2019-06, 2018..2019")

    def check(self, value, path, ck):
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str) and PERIOD_RE.match(value):
            start, _, end = value.partition("..")
            if end and end <= start:
                return ck.error(path, f"the span {value} ends before it starts", "write it as START..END")
            return value
        return self.wrong_type(value, path, ck)


class TextSpec(Spec):
    """``{zh: …, en: …}``; a missing language is a warning, not an error."""

    expected = "a bilingual text {zh: …, en: …}"

    def __init__(self, max_len: int = MAX_TEXT):
        self.max_len = max_len

    def json_schema(self):
        text = {"type": "string", "minLength": 1, "maxLength": self.max_len}
        return {"type": "object", "properties": {"zh": text, "en": text}, "additionalProperties": False,
                "minProperties": 1, "description": "bilingual text; both languages expected"}

    def describe(self, lang):
        return "中英文本 `{zh: …, en: …}`" if lang == "zh" else "bilingual text `{zh: …, en: …}`"

    def check(self, value, path, ck):
        if isinstance(value, str):
            return self.wrong_type(value, path, ck, "write it as {zh: …, en: …}")
        if not isinstance(value, dict):
            return self.wrong_type(value, path, ck)
        ok = True
        for key in value:
            if key not in LANGS:
                hint = did_you_mean(key, LANGS) or "use zh and en"
                if value[key] is None or " " in str(key):
                    hint = ("a comma inside {zh: …, en: …} ends the text there; "
                            "put the text in quotes or write it on its own line")
                ck.error(path + (key,), f"unknown language '{key}'", hint, key=True)
                ok = False
        texts = {}
        for lang in LANGS:
            if lang in value and value[lang] is not None:
                text = Str(self.max_len).check(value[lang], path + (lang,), ck)
                ok = ok and text is not INVALID
                texts[lang] = text
        if not ok:
            return INVALID
        if not texts:
            return ck.error(path, "has no text in any language", "write {zh: …, en: …}")
        for lang in LANGS:
            if lang not in texts:
                other = "Chinese" if lang == "en" else "English"
                ck.warn(path, f"missing translation '{lang}'",
                        f"add {path_leaf(path)}.{lang}; the page shows the {other} text with a notice meanwhile")
        return Text(**texts)


class PrintedText(TextSpec):
    """A title or publisher as the source prints it, with our translation: ``{zh, en}``, or
    the literal ``not printed`` when the source prints none (shown in the page's language)."""

    expected = f"a bilingual text {{zh: …, en: …}} or '{NOT_PRINTED}'"

    def json_schema(self):
        return {"anyOf": [super().json_schema(), {"const": NOT_PRINTED}]}

    def describe(self, lang):
        return (f"中英文本，或 `{NOT_PRINTED}`" if lang == "zh"
                else f"bilingual text, or `{NOT_PRINTED}`")

    def check(self, value, path, ck):
        if value == NOT_PRINTED:
            return value
        if isinstance(value, str):
            return self.wrong_type(value, path, ck,
                                   f"write it as {{zh: …, en: …}}, or '{NOT_PRINTED}' when the source prints none")
        return super().check(value, path, ck)


class Url(Str):
    """An http(s) address, as printed."""

    expected = "an address starting with http:// or https://"

    def __init__(self):
        super().__init__(1000)

    def json_schema(self):
        return {"type": "string", "pattern": "^https?://[^\\s]+$"}

    def describe(self, lang):
        return "网址（http:// 或 https://）" if lang == "zh" else "address (http:// or https://)"

    def check(self, value, path, ck):
        value = super().check(value, path, ck)
        if value is INVALID:
            return value
        if not re.match(r"^https?://[^\s]+$", value):
            return ck.error(path, f"'{value}' is not a web address", "copy it from the source, starting with http:// or https://")
        return value


TARGET_REF_RE = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)#([a-z0-9]+(?:-[a-z0-9]+)*)$")


class TargetRefSpec(Spec):
    """``<plan-id>#<target-id>``: a target of another (later) document."""

    expected = "a target written <plan-id>#<target-id>"

    def json_schema(self):
        return {"type": "string", "pattern": TARGET_REF_RE.pattern}

    def describe(self, lang):
        return "目标 `<文件id>#<目标id>`" if lang == "zh" else "target `<plan-id>#<target-id>`"

    def check(self, value, path, ck):
        if isinstance(value, str) and TARGET_REF_RE.match(value.strip()):
            value = value.strip()
            return value  # checked against every plan's targets once all are read
        return self.wrong_type(value, path, ck, "e.g. jx-2021-port-hub-action-plan#t-cargo-2025")


def path_leaf(path: tuple) -> str:
    for part in reversed(path):
        if isinstance(part, str):
            return part
    return "text"


class ListOf(Spec):
    expected = "a list"

    def __init__(self, item: Spec, unique: bool = False):
        self.item = item
        self.unique = unique

    def json_schema(self):
        out = {"type": "array", "items": self.item.json_schema()}
        if self.unique:
            out["uniqueItems"] = True
        return out

    def describe(self, lang):
        return ("列表：" if lang == "zh" else "list of ") + self.item.describe(lang)

    def check(self, value, path, ck):
        if not isinstance(value, list):
            hint = f"write it as a list, e.g. [{value}]" if isinstance(value, (str, int)) else ""
            return self.wrong_type(value, path, ck, hint)
        out = []
        seen = {}
        ok = True
        for i, item in enumerate(value):
            checked = self.item.check(item, path + (i,), ck)
            if checked is INVALID:
                ok = False
                continue
            if self.unique and checked in seen:
                ck.error(path + (i,), f"'{checked}' is listed twice",
                         f"it is already item [{seen[checked]}]")
                ok = False
                continue
            seen[checked] = i
            out.append(checked)
        return tuple(out) if ok else INVALID


@dataclass
class F:
    """One field of a record, as its definition in ``records.py`` states it: how the value is
    checked (``spec``), whether it must be present, what it means in both languages (``doc``:
    the field reference, the JSON Schema, the scaffold's comments and the data dictionary all read
    it), an ``example`` for the scaffold (YAML), and how it goes into the downloaded tables
    (``export``: False for fields that only shape a page; ``column``: a name other than its own)."""

    spec: Spec
    required: bool = False
    doc: Text = Text()
    example: Optional[str] = None
    export: bool = True
    column: Optional[str] = None


RECORDS: dict = {}  # record name → Record, filled as records.py defines each record


def record_of(spec: "Spec") -> Optional["Record"]:
    """The record a field holds itself (``Nested`` or a ``Record``), or None for a plain value."""
    spec = spec.record if isinstance(spec, Nested) else spec
    return spec if isinstance(spec, Record) else None


class Nested(Spec):
    """A record of the kind ``name`` inside another (a task's targets; sections in sections):
    looked up when used, so that a record may hold records defined after it, or itself."""

    def __init__(self, name: str):
        self.name = name

    @property
    def record(self) -> "Record":
        return RECORDS[self.name]

    def json_schema(self):
        return self.record.json_schema()

    def describe(self, lang):
        return self.record.describe(lang)

    def check(self, value, path, ck):
        return self.record.check(value, path, ck)


class Record(Spec):
    """A mapping with known keys, built into ``cls``; unknown and missing keys are errors."""

    expected = "a mapping of key: value"

    def __init__(self, cls: type, fields: dict[str, F], name: str,
                 extra: Optional[Callable[[dict, tuple, Checker], None]] = None, doc: Text = Text(),
                 title: Text = Text()):
        self.cls = cls
        self.fields = fields
        self.name = name
        self.extra = extra
        self.doc = doc
        self.title = title

    def describe(self, lang: str) -> str:
        return f"{self.name}（见下文）" if lang == "zh" else f"{self.name} (see below)"

    def json_schema(self) -> dict:
        key = self.name.replace(" ", "_").replace("'", "")
        if self in _EXPANDING:  # a record nested in itself (sections in sections)
            _DEFS.add(self)
            return {"$ref": f"#/$defs/{key}"}
        return self.object_schema()

    def object_schema(self) -> dict:
        """This record's own schema, with any nested use of itself as a reference."""
        _EXPANDING.add(self)
        try:
            return {"type": "object", "title": self.name,
                    "description": self.doc.en or self.name,
                    "properties": {name: _documented(f) for name, f in self.fields.items()},
                    "required": [name for name, f in self.fields.items() if f.required],
                    "additionalProperties": False}
        finally:
            _EXPANDING.discard(self)

    def check(self, value, path, ck):
        if not isinstance(value, dict):
            return self.wrong_type(value, path, ck)
        ok = True
        for key in value:
            if key not in self.fields:
                hint = did_you_mean(key, self.fields) or \
                    "allowed keys: " + ", ".join(self.fields)
                ck.error(path + (key,), f"unknown key '{key}' in {self.name}", hint, key=True)
                ok = False
        values = {}
        for name, f in self.fields.items():
            if name not in value or value[name] is None:
                if f.required:
                    ck.error(path, f"{self.name} is missing required key '{name}'",
                             f"add `{name}:`")
                    ok = False
                continue
            checked = f.spec.check(value[name], path + (name,), ck)
            if checked is INVALID:
                ok = False
            else:
                values[name] = checked
        if ok and self.extra:
            ok = self.extra(values, path, ck) is not INVALID
        if not ok:
            return INVALID
        if "loc" in {f.name for f in dataclasses.fields(self.cls)}:
            values["loc"] = ck.loc(path)
            values["locs"] = {name: ck.loc(path + (name,)) for name in values if name != "loc"}
            values["locs"][PATH_KEY] = dotted(path)
        return self.cls(**values)


def _documented(f: F) -> dict:
    """A field's JSON Schema with its meaning, which editors show on hover (English, and Chinese
    under ``x-description-zh``)."""
    out = dict(f.spec.json_schema())
    if f.doc.en:
        out["description"] = f.doc.en
    if f.doc.zh:
        out["x-description-zh"] = f.doc.zh
    return out


_EXPANDING: set = set()
_DEFS: set = set()


def json_schema_document(spec: Spec, title: str) -> dict:
    """A complete JSON Schema for a data file whose content is checked by ``spec``."""
    _DEFS.clear()
    body = spec.json_schema()
    doc = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, **body}
    if _DEFS:
        doc["$defs"] = {}
        for record in list(_DEFS):
            doc["$defs"][record.name.replace(" ", "_").replace("'", "")] = record.object_schema()
    return doc
