"""Issue 14: Material's navigation partials are drawn once for all the pages they look the same on
(``atlas.site.partial_cache``). The whole site is compared built with and without it in
``test_lean_markdown``; here, what the output is kept under."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

import jinja2

from atlas.site.partial_cache import cache_partials

NAV = ('{% for item in nav.items %}<a href="{{ item.url | url }}"{% if item.active %} class="on"{% endif %}>'
       '{{ item.title }}{% if item is sameas page %} (here: {{ page.toc }}){% endif %}</a>{% endfor %}'
       '{{ counter.count() }}')


@dataclass(eq=False)
class Item:
    title: str
    url: str
    active: bool = False
    toc: str = ""
    children: list = field(default_factory=list)


@dataclass
class Nav:
    items: list
    homepage: Item | None = None


class Counter:
    def __init__(self):
        self.n = 0

    def count(self) -> str:  # each real rendering shows a new number
        self.n += 1
        return f"#{self.n}"


@jinja2.pass_context
def url(context, value):
    return posixpath.relpath(value or ".", context["page"].url or ".") + "/"  # as MkDocs', roughly


def environment():
    env = jinja2.Environment(loader=jinja2.DictLoader({
        "partials/nav.html": NAV, "partials/tabs.html": NAV,
        "page.html": '{% include "partials/nav.html" %}|{% include "partials/tabs.html" %}'}))
    env.filters["url"] = url
    cache_partials(env)
    return env


def draw(env, page, nav, counter):
    return env.get_template("page.html").render(page=page, nav=nav, counter=counter)


def test_the_navigation_is_drawn_once_per_look_and_again_where_it_differs():
    plans, about = Item("Plans", "plans/"), Item("About", "about/")
    nav = Nav([plans, about], homepage=plans)
    env, counter = environment(), Counter()
    first = draw(env, Item("A", "plans/a/"), nav, counter)
    assert first == draw(env, Item("B", "plans/b/"), nav, counter)  # same links, same activity: kept
    assert counter.n == 2  # drawn once for each partial
    deeper = draw(env, Item("S", "plans/a/sections/s1/"), nav, counter)  # other relative links
    assert deeper != first and counter.n == 4 and 'href="../../../"' in deeper
    plans.active = True  # an active item changes the look
    assert 'class="on"' in draw(env, Item("C", "plans/c/"), nav, counter) and counter.n == 6
    # a page in the navigation is drawn each time: there the partial reads the page itself
    here = draw(env, about, nav, counter)
    assert "(here: " in here and counter.n == 8
    draw(env, about, nav, counter)
    assert counter.n == 10


def test_it_can_be_turned_off(monkeypatch):
    monkeypatch.setenv("ATLAS_NAV_CACHE", "0")
    nav = Nav([Item("Plans", "plans/")])
    env, counter = environment(), Counter()
    draw(env, Item("A", "plans/a/"), nav, counter)
    draw(env, Item("B", "plans/b/"), nav, counter)
    assert counter.n == 4
