"""Thin handlers: each turns an update into an engine event or a storage call, nothing more."""
