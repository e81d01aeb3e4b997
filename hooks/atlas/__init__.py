"""Plan Atlas core: load → validate → resolve → views → render, free of MkDocs.

Only ``hooks/atlas_hooks.py`` (the glue) imports mkdocs; everything in this package can be
driven from scripts and tests.
"""
