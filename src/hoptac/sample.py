"""The sample articles bundled with hoptac are invented: they are marked as such wherever they show."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

SAMPLE_DIR = Path(__file__).with_name("samples")
# The outlet every sample article is stored under; views and exports flag it.
SAMPLE_OUTLET = "hoptac sample"


def is_sample(outlet: str | None) -> bool:
    return outlet == SAMPLE_OUTLET


def is_sample_path(source: str) -> bool:
    """Whether `source` (a path as read) is one of the bundled samples."""
    return _is_sample_dir(str(Path(source).parent))


@lru_cache(maxsize=256)
def _is_sample_dir(parent: str) -> bool:
    # Resolved once per directory: a corpus run asks for every article of the same one.
    try:
        return Path(parent).resolve() == SAMPLE_DIR.resolve()
    except (OSError, ValueError):
        return False
