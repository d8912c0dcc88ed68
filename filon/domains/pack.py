"""Locate and read a domain pack's data files (CSV and YAML, each row with its source)."""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from filon.errors import DomainError, Errors

DOMAINS_DIR = Path(__file__).parent
DEFAULT_DOMAIN = "minerals"


def domain_path(domain: str = DEFAULT_DOMAIN) -> Path:
    """Folder of a domain pack (built-in name, or a path to a folder of the same layout)."""
    candidate = Path(domain)
    if candidate.is_dir():
        return candidate
    path = DOMAINS_DIR / domain
    if not path.is_dir():
        raise DomainError(f"no domain pack '{domain}' (looked in {DOMAINS_DIR})")
    return path


@lru_cache(maxsize=64)
def read_csv(domain: str, filename: str, required: tuple[str, ...] = ("source",)) -> tuple[dict, ...]:
    """Rows of a pack CSV as dicts; every row must fill the `required` columns.

    Lines starting with '#' are comments. Raises `DomainError` naming file, line and column.
    """
    path = domain_path(domain) / filename
    rows: list[dict] = []
    with path.open(encoding="utf-8", newline="") as fh:
        lines = (line for line in fh if not line.lstrip().startswith("#"))
        reader = csv.DictReader(lines)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise DomainError(Errors.F301.format(file=path, line=1, reason=f"missing columns {missing}"))
        for row in reader:
            for col in required:
                if not (row.get(col) or "").strip():
                    raise DomainError(
                        Errors.F301.format(
                            file=path, line=reader.line_num, reason=f"empty required column '{col}'"
                        )
                    )
            rows.append({k: (v or "").strip() for k, v in row.items() if k is not None})
    return tuple(rows)


@lru_cache(maxsize=64)
def read_yaml(domain: str, filename: str) -> Any:
    """A pack YAML file, parsed."""
    path = domain_path(domain) / filename
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except yaml.YAMLError as exc:
        raise DomainError(Errors.F301.format(file=path, line=0, reason=str(exc))) from exc
