"""Directory accuracy: staff corrections that survive reloads, and how fresh each fact is.

Pure rules both sides use: ``facts`` names the facts staff may correct and how to read,
write and compare them on a profile or a document; ``values`` cleans what staff and files
type; ``overlay`` applies live corrections and verifications to a source profile (and
retires a correction once the source agrees); ``freshness`` says when a profile is stale;
``live`` puts one profile's corrections into the live index without a rebuild.
"""
