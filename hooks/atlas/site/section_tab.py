"""A generated page shows which section of the site it is in: its section's tab is highlighted.

Material highlights the tab (and the drawer's item) of the navigation entry that is active, and
MkDocs makes active only the page being built and its parents in the navigation. A plan's,
sector's or agency's own page is not in the navigation (there are thousands), so no tab was
highlighted on it and a reader arriving from a search or a pasted link could not see where they
were. While Material draws its tabs and its drawer for such a page, the entry whose address is the
longest beginning of the page's address (``plans/`` for ``plans/x/sections/s1/``; the home page,
which begins every address, excepted) is made active, and then no longer. Installed outside
``partial_cache``'s reuse, so that the reuse keys on it.
"""

from __future__ import annotations

from .partial_cache import walk, wrap_partials


def light_sections(env) -> None:
    """Make ``env``'s navigation partials draw a generated page with its section active."""
    wrap_partials(env, "atlas_lit", _lighting)


def section_of(page, nav):
    """The navigation entry that ``page`` lies in, or None (``page`` is in the navigation itself,
    or under no entry but the home page)."""
    url = getattr(page, "url", None)
    if url is None or nav is None:
        return None
    items = list(walk(nav.items))
    if any(item is page for item in items):
        return None
    addresses = [a for a in (getattr(item, "url", None) for item in items) if a is not None]
    best = None
    for item in items:
        there = getattr(item, "url", None)
        if (there is not None and there != url and url.startswith(there)
                and not all(a.startswith(there) for a in addresses)  # the home page (of a language)
                and (best is None or len(there) > len(best.url))):
            best = item
    return best


def _lighting(render):
    def render_lit(context):
        item = section_of(context.get("page"), context.get("nav"))
        if item is None or item.active:
            yield from render(context)
            return
        item.active = True
        try:
            yield from render(context)
        finally:
            item.active = False
    return render_lit
