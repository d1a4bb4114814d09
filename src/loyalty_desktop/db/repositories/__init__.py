"""Repositories: each turns rows of a few tables into domain objects and back."""
