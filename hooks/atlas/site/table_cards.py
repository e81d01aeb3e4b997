"""Tables that fit a phone: every data table of three or more columns gets the attribute
``data-cards`` (not a class: Material styles and wraps only ``table:not([class])``) and, on each cell, its column's name as ``data-label``; on narrow screens the CSS
shows each row as a card (column names beside the values), so nothing scrolls sideways and the
status is never off-screen. Wide screens keep the table.

It works on the HTML MkDocs wrote for a page (our tables are regular: one header row, one body).
"""

from __future__ import annotations

import html
import re

_TABLE = re.compile(r"<table>(.*?)</table>", re.S)
_HEAD = re.compile(r"<thead>(.*?)</thead>", re.S)
_TH = re.compile(r"<th[^>]*>(.*?)</th>", re.S)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_TD = re.compile(r"<td(?=[ >])")
_TAGS = re.compile(r"<[^>]+>")
MIN_COLUMNS = 3


def card_label(cell_html: str) -> str:
    return html.escape(html.unescape(_TAGS.sub("", cell_html)).strip(), quote=True)


def _cards(match: re.Match) -> str:
    inner = match.group(1)
    head = _HEAD.search(inner)
    labels = [card_label(th) for th in _TH.findall(head.group(1))] if head else []
    if len(labels) < MIN_COLUMNS or not any(labels):
        return match.group(0)

    def row(m: re.Match) -> str:
        cells = iter(labels)
        return "<tr>" + _TD.sub(lambda _: f'<td data-label="{next(cells, "")}"', m.group(1)) + "</tr>"

    body_start = head.end()
    inner = inner.replace("<thead>", "<thead data-pagefind-ignore>", 1)  # no flattened headers in search snippets
    body_start += len(" data-pagefind-ignore")
    return ('<table data-cards>' + inner[:body_start]
            + _ROW.sub(row, inner[body_start:]) + "</table>")


def label_tables(page_html: str) -> str:
    """``page_html`` with its data tables ready to become cards on a phone (those that are
    already, written by ``fast_tables``, do not match ``<table>``)."""
    return _TABLE.sub(_cards, page_html)
