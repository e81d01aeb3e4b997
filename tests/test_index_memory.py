"""Issue 14, K = 100: the Chinese Pagefind run, started beside the parts, was killed for memory.
``index_memory`` estimates what a run needs; ``build_index`` runs the languages one after the
other when together they would not fit, and ``scripts/build.py`` starts the default language
beside the parts only with room to spare."""

from __future__ import annotations

from pathlib import Path

from atlas.site import index_memory, site_search


def test_the_estimate_and_the_free_memory(tmp_path):
    assert index_memory.need("zh", 14_185) > 4.4e9 and index_memory.need("en", 14_185) > 2.6e9  # K = 30's peaks
    meminfo = tmp_path / "meminfo"
    meminfo.write_text("MemTotal:       24000000 kB\nMemAvailable:   20000000 kB\n")
    assert index_memory.free(meminfo) == 20_000_000 * 1024
    assert index_memory.free(tmp_path / "none") is None
    k30, k100 = {"zh": 14_185, "en": 14_185}, {"zh": 54_000, "en": 54_000}
    available = 20e9
    assert index_memory.fits(k30, 0.9, available) and not index_memory.fits(k100, 0.9, available)
    assert index_memory.fits({"zh": 54_000}, 0.9, 22e9)  # alone, after the parts
    assert not index_memory.fits({"zh": 54_000}, 0.5, 16e9)  # not beside them
    pages = tmp_path / "pairs"
    (pages / "a" / "b").mkdir(parents=True)
    (pages / "index.html").write_text("x")
    (pages / "a" / "b" / "index.html").write_text("x")
    assert index_memory.pages_in(pages) == 2 and index_memory.pages_in(tmp_path / "no") == 0


class FakeJob:
    events: list = []

    def __init__(self, site_dir, skip=(), root_selector=None, language=None, paired=None):
        self.language = language
        FakeJob.events.append(("start", language))

    def wait(self):
        FakeJob.events.append(("end", self.language))
        return "1"

    def cancel(self):
        pass


def test_languages_are_indexed_one_after_the_other_when_they_do_not_fit(tmp_path, monkeypatch):
    monkeypatch.setattr(site_search, "IndexJob", FakeJob)
    for fit, order in ((True, ["start", "start", "end", "end"]), (False, ["start", "end", "start", "end"])):
        FakeJob.events = []
        monkeypatch.setattr(index_memory, "fits", lambda runs, share=1.0, available=None: fit)
        summary = site_search.build_index(Path(tmp_path), "zh", ["en"])
        assert [event for event, _ in FakeJob.events] == order, FakeJob.events
        assert sorted(lang for _, lang in FakeJob.events) == ["en", "en", "zh", "zh"]
        assert summary.startswith("search index: ")
