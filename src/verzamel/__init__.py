"""verzamel: Kamerbrieven and beslisnota's from plain-text sources in git."""

__version__ = "0.1.0"
