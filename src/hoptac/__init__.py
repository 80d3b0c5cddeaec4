"""hoptac: an evidence-linked database of the international cooperation of Vietnam's localities."""

__version__ = "0.1.0"
