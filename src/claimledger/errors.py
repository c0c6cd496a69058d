"""The exceptions claimledger raises; the CLI turns each into a one-line message."""

from __future__ import annotations


class ClaimledgerError(Exception):
    """Base class of every error claimledger raises on purpose."""


class InputError(ClaimledgerError):
    """An input (file, record, URL or stdin) that cannot be read as an article.

    ``source`` names the input as the user gave it (a path, ``path:line``, a URL or ``<stdin>``);
    ``problem`` says what is wrong in a few words. ``str(error)`` is the one-line message.
    """

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class NotEnglishError(InputError):
    """An article in another language, skipped unless the user asks for ``--any-language``."""


class ModelNotFoundError(ClaimledgerError):
    """No spaCy English pipeline is installed."""


class EvalDataMissingError(ClaimledgerError):
    """The evaluation data folder (``../shared/data`` or ``CLAIMLEDGER_DATA``) is absent."""


class UsageError(ClaimledgerError):
    """A command asked for something that does not exist (an unknown eval or model name)."""


class StoreError(ClaimledgerError):
    """The store cannot be opened or used: an unreachable server, a bad URL, a newer schema."""
