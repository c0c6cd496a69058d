"""Stance: statements toward claims, and articles toward claims (the FNC-1 scheme)."""
