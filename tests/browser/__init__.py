"""Browser tests: the real pages in headless Chromium."""
