"""loyalty-desktop: the membership and points system a shop runs at its tills."""

__version__ = "0.1.0"
