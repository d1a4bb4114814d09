"""One sentence in each language the product ships, with named placeholders (``{limit}``)."""

from __future__ import annotations

from dataclasses import dataclass
from string import Formatter


@dataclass(frozen=True)
class Wording:
    """The same sentence in English and in Simplified Chinese."""

    en: str
    zh: str

    def in_language(self, language: str) -> str:
        """The template for ``en`` or ``zh``."""
        return self.zh if language == "zh" else self.en

    @property
    def placeholders(self) -> frozenset[str]:
        """Every ``{name}`` either template fills in."""
        return names_in(self.en) | names_in(self.zh)


def names_in(template: str) -> frozenset[str]:
    """The placeholder names of a ``str.format`` template."""
    return frozenset(name for _, name, _, _ in Formatter().parse(template) if name)
