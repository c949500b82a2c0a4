"""Thin handlers: each turns an update into an event for the dispatcher and sends its output."""
