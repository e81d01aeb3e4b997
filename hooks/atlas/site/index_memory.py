"""Whether a Pagefind run fits in the memory that is free, so that a large site's build indexes
its languages one after the other instead of having the kernel kill one.

Pagefind holds the whole index of a language in memory while it writes it: at K = 30 (14,185
indexed pages per language) it peaked at 4.4-4.8 GB for Chinese (the text cut into pairs) and
2.6-2.8 GB for English, about linearly in the words indexed. At K = 100 the Chinese run, started
beside the two parts of ``scripts/build.py``, was killed at 14.9 GB on a 24 GB machine. The
estimate here is per indexed page, from those runs; it is rough, and only decides the order.
"""

from __future__ import annotations

from pathlib import Path

# bytes Pagefind held per indexed page at K = 30, rounded up
PER_PAGE = {"zh": 350_000}
PER_PAGE_OTHER = 210_000


def need(lang: str, pages: int) -> int:
    """About how many bytes Pagefind needs to index ``pages`` pages of ``lang``."""
    return pages * PER_PAGE.get(lang, PER_PAGE_OTHER)


def free(meminfo: Path = Path("/proc/meminfo")) -> int | None:
    """Bytes the system can give without swapping (MemAvailable); None where it cannot say."""
    try:
        for line in meminfo.read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def pages_in(folder: Path) -> int:
    """The pages of one language as Pagefind will read them (``search_pairs.keep_paired``)."""
    return sum(1 for _ in folder.rglob("*.html")) if folder.is_dir() else 0


def fits(runs: dict[str, int], share: float = 1.0, available: int | None = None) -> bool:
    """Whether Pagefind runs of ``{language: pages}`` at once need at most ``share`` of the free
    memory (``available``: measured when not given). Unknown free memory: assume they fit."""
    available = free() if available is None else available
    return available is None or sum(need(lang, pages) for lang, pages in runs.items()) <= share * available
