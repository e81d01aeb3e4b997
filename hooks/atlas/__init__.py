"""Plan Atlas core, free of MkDocs, in sub-packages that follow the pipeline:

``model`` → ``load`` → ``build`` → ``outputs`` → ``site``; each imports only those before it
(a test checks). Only ``hooks/atlas_hooks.py`` (the glue) imports mkdocs; everything here can be
driven from scripts and tests.
"""
