"""The institution's identity and menus from YAML; see kit_identity.py."""

from .kit_identity import load_identity, load_menus, register

__all__ = ["load_identity", "load_menus", "register"]
