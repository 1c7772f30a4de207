"""Physician search: parameters, pure query builders and the one service seam."""
