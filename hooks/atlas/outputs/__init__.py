"""What the data gives besides pages: the downloadable tables and schemas, counts and
translation reports, and the release note between two revisions. Imports ``model`` to ``build``."""
