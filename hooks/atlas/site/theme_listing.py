"""A preview lists the theme's files once, not in every rebuild of every language.

Each build asks the theme's Jinja environment for the theme's static files (``list_templates``):
it walks Material's folder, 14,500 files of which 14,300 are icons, and matches each name
against a dozen patterns. That is about 0.06 s per language per rebuild, for a list that only
changes when the theme is upgraded or a file is added to ``overrides/`` (neither is watched by
``mkdocs serve``, so a restart was needed for them anyway). A build lists them as MkDocs does.
"""

from __future__ import annotations

_LISTED: dict = {}  # (theme folders, static templates, extensions, filter) -> the names listed


def list_once(theme, previewing: bool) -> None:
    """While ``previewing``: makes the environments ``theme.get_env()`` returns answer
    ``list_templates`` from memory after the first time (same folders, same filter function)."""
    if not previewing or getattr(theme, "atlas_lists_once", False):
        return
    get_env = theme.get_env

    def get_env_listing_once():
        env = get_env()
        list_templates = env.list_templates

        def listed(extensions=None, filter_func=None):
            key = (tuple(getattr(env.loader, "searchpath", ())), tuple(theme.static_templates),
                   tuple(extensions or ()), getattr(filter_func, "__code__", filter_func))
            if not key[0]:  # not the file-system loader of a MkDocs theme: as it is
                return list_templates(extensions, filter_func)
            if key not in _LISTED:
                _LISTED[key] = list_templates(extensions, filter_func)
            return list(_LISTED[key])
        env.list_templates = listed
        return env
    theme.get_env = get_env_listing_once
    theme.atlas_lists_once = True
