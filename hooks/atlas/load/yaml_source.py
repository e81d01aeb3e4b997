"""Read one YAML file into plain Python values plus the line:column of every key and value.

The loader refuses what a maintainer would regret silently: a byte-order mark, bytes that are not
UTF-8, an empty file, tab indentation, a key written twice in one mapping. Each refusal is a
``Diagnostic`` with file, line and column, never a traceback.
"""

from __future__ import annotations

import hashlib

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..model.errors import Diagnostic, Loc, dotted
from .safe_files import DATA_FILE_LIMIT, read_inside

Path_ = tuple  # a path into the document: ("sections", 1, "tasks", 3, "lead", 0)
# libyaml's parser when PyYAML has it (several times faster; the same nodes and marks)
_FastLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_DEPTH = 40  # mappings and lists nested deeper than this are not data we write
_DECIMAL = re.compile(r"^[-+]?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$")
_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")


@dataclass
class YamlDoc:
    """A loaded document: ``data`` is plain dicts/lists/scalars; marks are keyed by path."""

    file: str
    data: Any
    value_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def loc(self, path: Path_, *, key: bool = False) -> Loc:
        """Where the value at ``path`` (or its key, with ``key=True``) was written.

        Falls back to the nearest enclosing path that has a mark.
        """
        marks = self.key_marks if key else self.value_marks
        probe = tuple(path)
        while True:
            if probe in marks:
                line, col = marks[probe]
                return Loc(self.file, line, col)
            if not probe:
                return Loc(self.file, 1, 1)
            probe = probe[:-1]
            marks = self.value_marks


def _loc(file: str, mark) -> Loc:
    return Loc(file, mark.line + 1, mark.column + 1) if mark else Loc(file, 1, 1)


def _yaml_error(file: str, exc: yaml.YAMLError) -> Diagnostic:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    context_mark = getattr(exc, "context_mark", None)
    message = f"YAML syntax error: {problem}"
    hint = "check indentation, colons and quotes on this line and the one before"
    if context and context_mark is not None:
        started = f"{context_mark.line + 1}:{context_mark.column + 1}"
        hint = (f"{context.replace('while ', '')} that starts at {started}: "
                "check its brackets, commas and quotes")
    if "'\\t'" in problem or "\t" in problem or "tab" in problem.lower():
        message = "YAML syntax error: a tab character is used for indentation"
        hint = "indent with spaces, not tabs"
    return Diagnostic(_loc(file, mark), "", message, hint)


class _Builder:
    """Turns a composed node tree into plain values, recording marks and duplicate keys."""

    def __init__(self, file: str, loader):
        self.file = file
        self.loader = loader
        self.doc = YamlDoc(file, None)
        self.diagnostics: list[Diagnostic] = []

    def build(self, node: yaml.Node, path: Path_) -> Any:
        self.doc.value_marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            result: dict = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    self.diagnostics.append(
                        Diagnostic(_loc(self.file, key_node.start_mark), dotted(path),
                                   "a mapping key must be a plain word",
                                   "write `key: value`"))
                    continue
                if key_node.tag == "tag:yaml.org,2002:merge":
                    self.diagnostics.append(
                        Diagnostic(_loc(self.file, key_node.start_mark), dotted(path),
                                   "merge keys (<<) are not allowed",
                                   "write the keys out in full; every record says everything it holds"))
                    continue
                key = self.loader.construct_object(key_node)
                if not isinstance(key, str):
                    key = str(key)
                child = path + (key,)
                if key in result:
                    first = self.doc.key_marks[child]
                    self.diagnostics.append(
                        Diagnostic(_loc(self.file, key_node.start_mark), dotted(child),
                                   f"key '{key}' is written twice in this mapping",
                                   f"the first is on line {first[0]}; keep one"))
                    continue
                self.doc.key_marks[child] = (key_node.start_mark.line + 1,
                                             key_node.start_mark.column + 1)
                result[key] = self.build(value_node, child)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        if node.tag in _NUMBER_TAGS and not _DECIMAL.match(node.value):
            # YAML 1.1 reads 0x10 as 16, 010 as 8, 1:20 as 80, 1_000 as 1000 and .inf as infinity
            shown = node.value if len(node.value) <= 24 else node.value[:20] + "…"
            self.diagnostics.append(
                Diagnostic(_loc(self.file, node.start_mark), dotted(path),
                           f"'{shown}' is not a number written in plain decimal",
                           "write digits, with a point for decimals (e.g. 1000 or 2.46); quote it if it is text"))
            return node.value
        try:
            return self.loader.construct_object(node, deep=True)
        except yaml.YAMLError as exc:  # e.g. an impossible date such as 2019-02-30
            self.diagnostics.append(
                Diagnostic(_loc(self.file, node.start_mark), dotted(path),
                           f"cannot read value {_shown(node.value)}: {getattr(exc, 'problem', exc)}",
                           "quote it if it is text"))
            return node.value
        except ValueError as exc:
            self.diagnostics.append(
                Diagnostic(_loc(self.file, node.start_mark), dotted(path),
                           f"cannot read value {_shown(node.value)}: {exc}",
                           "write a real date as YYYY-MM-DD, or quote it if it is text"))
            return node.value


def _shown(value: str) -> str:
    """A value quoted in a message, cut short: messages never echo a whole file."""
    return repr(value if len(value) <= 40 else value[:36] + "…")


def _structure_problem(text: str, display: str) -> Diagnostic | None:
    """Aliases and very deep nesting, found from the parser's events before any tree is built:
    a recursive alias or an alias bomb would otherwise never finish, and thousands of nested
    brackets exhaust the recursion of the tree builder (or crash libyaml's)."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_FastLoader):
            if isinstance(event, yaml.AliasEvent):
                return Diagnostic(_loc(display, event.start_mark), "",
                                  f"aliases (*{event.anchor}) are not allowed",
                                  "write the value out in full where it is used")
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return Diagnostic(_loc(display, event.start_mark), "",
                                      f"lists and mappings are nested more than {MAX_DEPTH} levels deep",
                                      "the data files nest a few levels; check the brackets and indentation")
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return None  # a syntax error: reported by the loader with its line and column
    return None




def _python_parse_problem(text: str, display: str) -> Diagnostic | None:
    """The problem PyYAML's pure-Python parser reports for ``text``, as a diagnostic."""
    try:
        loader = yaml.SafeLoader(text)
    except yaml.reader.ReaderError as exc:  # a control character, refused before parsing
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        return Diagnostic(Loc(display, line, col), "",
                          f"the file contains a control character (#x{exc.character:04x})",
                          "delete it; it is usually invisible, left by a copy and paste")
    try:
        loader.get_single_node()
    except yaml.YAMLError as exc:
        return _yaml_error(display, exc)
    finally:
        loader.dispose()
    return None


# (display, sha256 of the bytes) → (size, what read_yaml returned): unchanged files are not parsed
# again (a preview's rebuild, the next check of a fuzz run), up to 8 MB of YAML (the real data is
# 1.2 MB; a much larger deployment parses each build, as before, instead of holding it all).
_PARSED: dict = {}
_PARSED_BUDGET = 8 * 1024 * 1024


def read_yaml(path: Path, display: str, root: Path | None = None, limit: int = DATA_FILE_LIMIT,
              too_big: str | None = None) -> tuple[YamlDoc | None, list[Diagnostic]]:
    """Load ``path``, which must be a regular file inside ``root`` (default: its folder) of at
    most ``limit`` bytes (``too_big``: the hint if it is larger); ``display`` is how the file is
    named in messages (e.g. ``data/agencies.yaml``). The same bytes under the same name give the
    same (unchanged, never modified) result without parsing again."""
    raw, problem = read_inside(path, root or path.parent, display, limit, too_big)
    if problem:
        return None, [problem]
    key = (display, hashlib.sha256(raw).digest())
    if key in _PARSED:
        doc, diagnostics = _PARSED[key][1]
        return doc, list(diagnostics)
    result = _parse(raw, display)
    if len(raw) <= _PARSED_BUDGET:
        while _PARSED and sum(size for size, _ in _PARSED.values()) + len(raw) > _PARSED_BUDGET:
            _PARSED.pop(next(iter(_PARSED)))
        _PARSED[key] = (len(raw), result)
    return result[0], list(result[1])


def _parse(raw: bytes, display: str) -> tuple[YamlDoc | None, list[Diagnostic]]:
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [Diagnostic(Loc(display, 1, 1), "", "the file starts with a byte-order mark (BOM)",
                                 "save it as UTF-8 without BOM")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Diagnostic(Loc(display, line, col), "",
                                 f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
                                 "save it as UTF-8; GBK or GB2312 files must be converted")]
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#")
                               for ln in text.splitlines()):
        return None, [Diagnostic(Loc(display, 1, 1), "", "the file is empty",
                                 "add its content or delete the file")]
    problem = _structure_problem(text, display)
    if problem:
        return None, [problem]
    node, loader = None, None
    try:
        loader = _FastLoader(text)
        node = loader.get_single_node()
    except yaml.YAMLError as exc:
        # libyaml said no: parse again with PyYAML's own parser, whose messages are clearer
        return None, [_python_parse_problem(text, display) or _yaml_error(display, exc)]
    finally:
        if loader is not None:
            loader.dispose()
    if node is None:
        return None, [Diagnostic(Loc(display, 1, 1), "", "the file is empty",
                                 "add its content or delete the file")]
    builder = _Builder(display, loader)
    builder.doc.data = builder.build(node, ())
    return builder.doc, builder.diagnostics
