"""Cross-article work over extraction records: agreement identity and timelines."""
