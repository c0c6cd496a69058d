"""The web UI and REST API over a store (``claimledger serve``): see :func:`create_app`."""

from claimledger.web.app import create_app

__all__ = ["create_app"]
