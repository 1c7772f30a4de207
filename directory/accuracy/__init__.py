"""Directory accuracy: staff corrections that survive reloads, how fresh each fact is, and
the clock that error reports are answered by.

Pure rules both sides use: ``facts`` names the facts staff may correct and how to read,
write and compare them on a profile or a document; ``values`` cleans what staff and files
type; ``overlay`` applies live corrections and verifications to a source profile (and
retires a correction once the source agrees); ``freshness`` says when a profile is stale;
``live`` puts one profile's corrections into the live index without a rebuild; ``clock``
counts the two business days (weekends and US federal holidays skipped) within which the
No Surprises Act expects a reported error to be corrected (the reports themselves are
store records: ``directory.store.error_reports``).
"""
