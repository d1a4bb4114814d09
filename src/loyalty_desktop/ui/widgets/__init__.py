"""Widgets and models the screens are built from."""
