"""Every name a reader might type — agency names, short forms and printed variants, sector,
indicator, plan and region names — with the page it leads to in each language.

The site ships this as a small JSON file; ``docs/assets/atlas.js`` shows exact and partial matches
above the search results, so that a short form such as 市发改委 always leads to its agency.
"""

from __future__ import annotations

import json

from .records import Text
from .resolve import Model
from .urls import page_src, page_url


def _entry(names, kind: str, key, title: Text) -> list[dict]:
    url = page_url(page_src(kind, key))
    out = []
    for name in dict.fromkeys(n for n in names if n):
        out.append({"n": name, "k": kind, "zh": url, "en": "en/" + url,
                    "tzh": title.pick("zh")[0], "ten": title.pick("en")[0]})
    return out


def name_index(m: Model) -> list[dict]:
    out: list[dict] = []
    for a in m.agencies.values():
        short = [a.short.zh, a.short.en] if a.short else []
        names = [a.name.zh, a.name.en, *short, *a.aliases, *a.search_terms]
        out += _entry(names, "agency", a.id, a.name)
    for s in m.sectors.values():
        out += _entry([s.name.zh, s.name.en], "sector", s.id, s.name)
    for i in m.indicators.values():
        out += _entry([i.name.zh, i.name.en], "indicator", i.id, i.name)
    for p in m.plans.values():
        out += _entry([p.title.zh, p.title.en, p.doc_number], "plan", p.id, p.title)
    for r in m.regions.values():
        out += _entry([r.name.zh, r.name.en, r.code], "region", r.id, r.name)
    return out


def names_json(m: Model) -> bytes:
    return json.dumps(name_index(m), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
