"""Material's navigation drawn once for all the pages it looks the same on, not once per page.

Material writes its navigation (``partials/nav.html``, the drawer; ``partials/tabs.html``, the
tabs) into every page: about a tenth of a build. On a page that is not itself in the navigation
(every generated detail page), what these partials write depends on the page through two things
only: the URL of each navigation link, made relative to the page by the ``url`` filter, and which
navigation items are active. So their output is kept under those two and reused for every page
that has the same; a page in the navigation (a section list, a hand-written page) is rendered as
before, because there the partials also read the page itself (its table of contents, its title).
A test builds the site with and without this and compares every page.
"""

from __future__ import annotations

import os

PARTIALS = ("partials/nav.html", "partials/tabs.html")


def cache_partials(env) -> None:
    """Make ``env``'s navigation partials reuse their output (ATLAS_NAV_CACHE=0: not done)."""
    if os.environ.get("ATLAS_NAV_CACHE") != "0":
        wrap_partials(env, "atlas_cached", _reusing)


def wrap_partials(env, mark: str, wrapper) -> None:
    """Render each navigation partial of ``env`` through ``wrapper(render)``, once (``mark``)."""
    for name in PARTIALS:
        try:
            template = env.get_template(name)
        except Exception:  # another theme, or Material without this partial: nothing to do
            continue
        if getattr(template, mark, False):
            continue
        template.root_render_func = wrapper(template.root_render_func)
        setattr(template, mark, True)


def _reusing(render):
    outputs: dict = {}

    def render_or_reuse(context):
        key = _looks_the_same(context)
        if key is None:
            yield from render(context)
            return
        html = outputs.get(key)
        if html is None:
            html = outputs[key] = "".join(render(context))
        yield html
    return render_or_reuse


def _looks_the_same(context):
    """What the navigation's output depends on for this page, or None if it is not known here."""
    page, nav = context.get("page"), context.get("nav")
    url = context.environment.filters.get("url")
    if page is None or nav is None or url is None or getattr(page, "url", None) is None:
        return None
    items = list(walk(nav.items))
    if any(item is page for item in items):
        return None
    links = tuple(url(context, item.url) for item in items if getattr(item, "url", None) is not None)
    home = url(context, nav.homepage.url) if getattr(nav, "homepage", None) is not None else None
    active = tuple(bool(getattr(item, "active", False)) for item in items)
    return id(nav), links, home, active


def walk(items):
    """Every navigation item, depth first."""
    for item in items:
        yield item
        yield from walk(getattr(item, "children", None) or ())
