"""Diagnostics: one message per problem, naming file, line, column, field and a hint."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Loc:
    """Where something was written: a file (as shown to the user), 1-based line and column."""

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.col}"
        return self.file


@dataclass(frozen=True)
class Diagnostic:
    """One problem in the data. ``severity`` is ``error`` or ``warning``."""

    loc: Loc
    field: str
    message: str
    hint: str = ""
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.loc}: {self.field}: " if self.field else f"{self.loc}: "
        text = f"{where}{self.message}"
        if self.hint:
            text += f" ({self.hint})"
        if self.severity == "warning":
            text = f"{text} [warning]"
        return text

    def sort_key(self) -> tuple:
        return (self.loc.file, self.loc.line, self.loc.col, self.field, self.message)


class AtlasError(Exception):
    """The data has errors; carries every diagnostic found in one pass."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = sorted(diagnostics, key=Diagnostic.sort_key)
        super().__init__(format_report(self.diagnostics))


def format_report(diagnostics: list[Diagnostic]) -> str:
    """The text a maintainer reads: one line per problem, then a count."""
    errors = sum(1 for d in diagnostics if d.severity == "error")
    warnings = len(diagnostics) - errors
    lines = [str(d) for d in sorted(diagnostics, key=Diagnostic.sort_key)]
    parts = []
    if errors:
        parts.append(f"{errors} error{'s' if errors != 1 else ''}")
    if warnings:
        parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
    if parts:
        lines.append("Plan Atlas data check: " + ", ".join(parts) + ".")
    return "\n".join(lines)


def dotted(path: tuple) -> str:
    """``("sections", 1, "tasks", 3)`` → ``sections[1].tasks[3]``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out
