"""The domain both sides share: what a physician directory *is*, however it is served or loaded.

NPIs (``npi``), text normalisation (``text``), places and distances (``geography``),
the clinical vocabulary (``vocabulary``) and the condition map (``condition_map``),
settings (``settings``), alias names (``indices``) and the Elasticsearch client
factory (``connection``). ``app`` (the web front end) and ``indexer`` (the loader)
both import this package and never each other.
"""
