"""Issue 14: generated pages' links are resolved by ``atlas.site.fast_links``, which keeps what
does not depend on the page. It must answer as MkDocs' own ``path_to_url`` does: the same address,
the same anchors registered for MkDocs' anchor check, the same warnings."""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import _RelativePathTreeprocessor

from atlas.site.fast_links import Targets

HREFS = ["../../../agencies/a.md", "../../../agencies/a.md#lead", "../../p.md#t1", "../../p.md#t1",
         "s2.md", "s1.md#here", "#here", "?q=1", "https://example.org/x.md", "/agencies/a.md",
         "../../../missing.md#x", "../../../missing", "../../../left-out.md#x", "../../../data.csv",
         "../../../agencies/a.md?v=2#lead", "../../../%E6%88%BF.md", "mailto:someone@example.org",
         "../../../agencies/../agencies/a.md", "../../../../../agencies/a.md", "../../../index.md"]


def test_links_are_resolved_as_mkdocs_resolves_them(tmp_path, caplog):
    docs, site = tmp_path / "docs", tmp_path / "site"
    docs.mkdir()
    config = MkDocsConfig()
    config.load_dict({"site_name": "t", "docs_dir": str(docs), "site_dir": str(site)})
    errors, _ = config.validate()
    assert not errors
    names = ["index.md", "agencies/a.md", "plans/p.md", "plans/p/sections/s1.md", "plans/p/sections/s2.md",
             "data.csv", "房.md"]
    files = Files([File(n, str(docs), str(site), True) for n in names]
                  + [File("left-out.md", str(docs), str(site), True, inclusion=InclusionLevel.EXCLUDED)])
    targets = Targets(files)
    for name in ("plans/p/sections/s1.md", "plans/p/sections/s2.md", "index.md", "agencies/a.md"):
        page = files.get_file_from_path(name)
        theirs, ours = (_RelativePathTreeprocessor(page, files, config) for _ in range(2))
        resolve = targets.resolver(ours)
        for href in HREFS:
            caplog.clear()
            with caplog.at_level(logging.DEBUG, logger="mkdocs"):
                expected = theirs.path_to_url(href)
                their_log = [(r.levelno, r.getMessage()) for r in caplog.records]
                caplog.clear()
                got = resolve(href)
                our_log = [(r.levelno, r.getMessage()) for r in caplog.records]
            assert (got, our_log) == (expected, their_log), (name, href)
        assert ours.links_to_anchors == theirs.links_to_anchors and theirs.links_to_anchors
    # the targets found from a folder are kept for the other pages of that folder
    assert ("plans/p/sections", "../../../agencies/a.md") in targets.found
