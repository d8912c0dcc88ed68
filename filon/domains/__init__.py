"""Domain packs: data (lexicons, gazetteers), not code. See `filon/domains/<name>/README.md`."""

from filon.domains.pack import DEFAULT_DOMAIN, domain_path, read_csv, read_yaml

__all__ = ["DEFAULT_DOMAIN", "domain_path", "read_csv", "read_yaml"]
