"""Words the Chinese segmenter (jieba) must keep whole: names of agencies, sectors, programmes."""

from __future__ import annotations

import re

from .resolve import Model

_HAN = re.compile(r"[\u4e00-\u9fff]")
# a name that is really a phrase ("商贸流通与专业市场") would hide its parts from search
_PHRASE = re.compile(r"[\s、，,：:；;与及]")


def search_words(m: Model) -> list[str]:
    """Chinese names and terms from the data, for jieba's user dictionary (sorted, unique)."""
    words: set[str] = set()
    for agency in m.agencies.values():
        words.update(filter(None, (agency.name.zh, agency.short.zh if agency.short else None)))
        words.update(agency.aliases)
        words.update(agency.search_terms)
    for sector in m.sectors.values():
        words.add(sector.name.zh or "")
    for ref in m.tasks:
        words.update(ref.task.keywords)
    return sorted(w for w in words if w and _HAN.search(w) and len(w) <= 20
                  and not _PHRASE.search(w))
