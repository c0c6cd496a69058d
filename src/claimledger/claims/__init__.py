"""Claims: the central claim of each document and its check-worthy sentences."""
