"""The sample articles bundled with hoptac are invented: they are marked as such wherever they show."""

from __future__ import annotations

from pathlib import Path

SAMPLE_DIR = Path(__file__).with_name("samples")
# The outlet every sample article is stored under; views and exports flag it.
SAMPLE_OUTLET = "hoptac sample"


def is_sample(outlet: str | None) -> bool:
    return outlet == SAMPLE_OUTLET


def is_sample_path(source: str) -> bool:
    """Whether `source` (a path as read) is one of the bundled samples."""
    try:
        return Path(source).resolve().parent == SAMPLE_DIR.resolve()
    except (OSError, ValueError):
        return False
