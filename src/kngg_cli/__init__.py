"""kngg: the command-line toolkit for regional Kind naar Gezonder Gewicht implementations."""

__version__ = "0.1.0"
