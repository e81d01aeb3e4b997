"""Links of generated pages resolved as MkDocs resolves them, with what can be shared kept.

MkDocs rewrites each relative link of a page (``_RelativePathTreeprocessor.path_to_url``): it
splits the address, joins it to the page's folder, finds the target among the site's files,
registers the anchor for the later anchor check and writes the target's address relative to the
page. A generated page links to many pages (a section's tasks to their agencies and sectors), and
for a build at 10 times the data this was 12% of the time. Here the same steps are taken with
their answers kept where they do not depend on the page: the split of an address, and the target
of an address from a folder (all agency pages share one). What MkDocs would warn about (a target
that is missing or left out of the site), and any address that is not a plain relative link, goes
to MkDocs' own ``path_to_url``, so the warnings and their wording are MkDocs'. The relative
address is worked out as MkDocs' ``get_relative_url`` does, written here because only
``atlas_hooks.py`` may import mkdocs. ``tests/test_fast_links.py`` compares the two on 20 kinds of
address; the real site is byte-identical either way.
"""

from __future__ import annotations

import posixpath
from urllib.parse import unquote, urlsplit, urlunsplit

from markdown.util import AMP_SUBSTITUTE

_SPLITS: dict[str, tuple[str, str, str] | None] = {}  # address -> (path, query, anchor), None: not ours


def _split(href: str) -> tuple[str, str, str] | None:
    if href not in _SPLITS:
        scheme, netloc, path, query, anchor = urlsplit(href)
        plain = not (scheme or netloc or href.startswith(("/", "\\")) or AMP_SUBSTITUTE in href or not path)
        _SPLITS[href] = (unquote(path), query, anchor) if plain else None
    return _SPLITS[href]


def _parts(path: str) -> list[str]:
    """A URL's path as its normalised parts (MkDocs' ``utils._norm_parts``)."""
    if not path.startswith("/"):
        path = "/" + path
    path = posixpath.normpath(path)[1:]
    return path.split("/") if path else []


class Targets:
    """The site's files as links find them, for one language's build (``files`` is final)."""

    def __init__(self, files):
        self.files = files
        self.found: dict[tuple[str, str], object] = {}  # (folder, path) -> File or None
        self.parts: dict[str, list[str]] = {}  # a target's URL -> its parts

    def resolver(self, links):
        """``links.path_to_url`` for the page of ``links`` (a ``_RelativePathTreeprocessor``)."""
        page = links.file
        folder = posixpath.dirname(page.src_uri)
        dirname, _, basename = page.url.rpartition("/")
        here = _parts(dirname if "." in basename else page.url)
        anchors, found, files, parts = links.links_to_anchors, self.found, self.files, self.parts

        def path_to_url(href: str) -> str:
            split = _split(href)
            if split is None:
                return links.path_to_url(href)
            path, query, anchor = split
            key = (folder, path)
            if key not in found:
                found[key] = files.get_file_from_path(
                    posixpath.normpath(posixpath.join(folder, path).lstrip("/")))
            target = found[key]
            if target is None or target.inclusion.is_excluded():
                return links.path_to_url(href)  # MkDocs' warning
            if anchor:
                anchors.setdefault(target, {}).setdefault(anchor, href)
            url = target.url
            there = parts.get(url)
            if there is None:
                there = parts[url] = _parts(url)
            common = 0
            for a, b in zip(here, there):
                if a != b:
                    break
                common += 1
            relative = "/".join([".."] * (len(here) - common) + there[common:]) or "."
            if url.endswith("/"):
                relative += "/"
            return urlunsplit(("", "", relative, query, anchor))
        return path_to_url
