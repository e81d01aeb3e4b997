"""Making the site: Markdown from the views through escaped templates, charts, search indexing,
the build session and the atomic swap of the finished site, and a local server for checks.
The last stage: only the MkDocs glue (``hooks/atlas_hooks.py``) imports it."""
