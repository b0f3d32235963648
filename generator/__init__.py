"""briefing: turn a folder of news articles into a cited, cross-linked briefing site."""
