"""layerguard: a CI guard for Dockerfile layer waste."""

__version__ = "0.1.0"
