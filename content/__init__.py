"""User-facing text and advice data (YAML), validated at start-up by `flows.content`."""
