"""claimledger: who claims what in the news, who denies it, and where the numbers disagree."""

__version__ = "0.1.0"
