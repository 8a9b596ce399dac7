"""The institution's identity and menus from YAML; see kit_identity.py."""

from .kit_identity import languages_of, load_identity, load_menus, register

__all__ = ["languages_of", "load_identity", "load_menus", "register"]
