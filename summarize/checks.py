"""Argument checks shared by the public functions: one rule, one message, everywhere.

>>> check_text("Текст")
'Текст'
>>> check_text(b"x", "claimed")
Traceback (most recent call last):
...
TypeError: claimed must be str, got bytes (decode bytes first, e.g. data.decode('utf-8'))
"""

from __future__ import annotations

ERRORS = ("raise", "return")
"""What a batch function may do with a document that fails."""


def check_text(text: object, name: str = "text") -> str:
    """Return ``text`` if it is a ``str``; raise ``TypeError`` naming the argument otherwise."""
    if not isinstance(text, str):
        hint = (
            " (decode bytes first, e.g. data.decode('utf-8'))" if isinstance(text, (bytes, bytearray)) else ""
        )
        raise TypeError(f"{name} must be str, got {type(text).__name__}{hint}")
    return text


def is_int(value: object) -> bool:
    """An ``int`` that is not a ``bool`` (``True`` is no count)."""
    return isinstance(value, int) and not isinstance(value, bool)


def check_errors(errors: object) -> None:
    """Raise ``ValueError`` unless ``errors`` is one of :data:`ERRORS`."""
    if errors not in ERRORS:
        raise ValueError(f"errors must be 'raise' or 'return', got {errors!r}")


def check_n_jobs(n_jobs: object) -> None:
    """Raise ``ValueError`` unless ``n_jobs`` is a non-zero int (joblib's convention)."""
    if not is_int(n_jobs) or n_jobs == 0:
        raise ValueError(f"n_jobs must be a non-zero int (1: this process, -1: every core), got {n_jobs!r}")
