"""The institution's identity and menus from YAML; see kit_identity.py."""

from .kit_identity import (language_code_problem, languages_of, load_identity, load_menus,
                            website_problem)

__all__ = ["language_code_problem", "languages_of", "load_identity", "load_menus", "website_problem"]
