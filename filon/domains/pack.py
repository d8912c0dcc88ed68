"""Locate and read the data of domain packs (CSV and YAML, each row with its source).

A pack is a folder of data files. filon reads a *stack* of packs, written as one string:
"general+minerals" is the bundled general pack (deals of any kind, the world's states, roles,
reporting verbs) with the minerals pack on top (resources, mining companies, minerals-only
cues). Each element is a bundled pack's name or a path to a folder of the same layout. A CSV
file is the rows of every pack that has it, in stack order; a YAML file is merged: lists are
concatenated, `values` lists joined, other keys taken from the last pack that sets them.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from filon.errors import DomainError, Errors

DOMAINS_DIR = Path(__file__).parent
GENERAL_PACK = "general"
DEFAULT_DOMAIN = "general+minerals"
BUNDLED_PACKS = ("general", "minerals")


def pack_names(spec: str = DEFAULT_DOMAIN) -> list[str]:
    """The packs of a stack: 'general+minerals' -> ['general', 'minerals']."""
    names = [part.strip() for part in spec.replace(",", "+").split("+") if part.strip()]
    if not names:
        raise DomainError(f"no domain pack named in {spec!r}")
    return names


def _folder(name: str) -> Path:
    candidate = Path(name)
    if candidate.is_dir():
        return candidate
    path = DOMAINS_DIR / name
    if not path.is_dir():
        raise DomainError(f"no domain pack '{name}' (bundled: {', '.join(BUNDLED_PACKS)}; or a "
                          "path to a pack folder)")
    return path


def pack_folders(spec: str = DEFAULT_DOMAIN) -> list[Path]:
    """Folders of the packs of a stack, in order."""
    return [_folder(name) for name in pack_names(spec)]


def domain_path(spec: str = DEFAULT_DOMAIN) -> Path:
    """Folder of the last pack of a stack (a single pack's folder for a one-pack stack)."""
    return pack_folders(spec)[-1]


def pack_files(spec: str, filename: str) -> list[Path]:
    """The `filename` of every pack of the stack that has one, in stack order."""
    return [folder / filename for folder in pack_folders(spec) if (folder / filename).is_file()]


def pack_has(spec: str, filename: str) -> bool:
    """Whether any pack of the stack has `filename`."""
    return bool(pack_files(spec, filename))


@lru_cache(maxsize=64)
def read_csv(domain: str, filename: str, required: tuple[str, ...] = ("source",)) -> tuple[dict, ...]:
    """Rows of a pack CSV (of every pack of the stack, in order); every row must fill the
    `required` columns. Lines starting with '#' are comments. A stack where no pack has the
    file has no rows.

    Raises `DomainError` naming file, line and column.
    """
    rows: list[dict] = []
    for path in pack_files(domain, filename):
        rows.extend(_read_one_csv(path, required))
    return tuple(rows)


def _read_one_csv(path: Path, required: tuple[str, ...]) -> list[dict]:
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
    return rows


@lru_cache(maxsize=64)
def read_yaml(domain: str, filename: str) -> Any:
    """A pack YAML file, parsed, merged over the packs of the stack (None when none has it)."""
    merged: Any = None
    for path in pack_files(domain, filename):
        try:
            with path.open(encoding="utf-8") as fh:
                data = yaml.safe_load(fh)
        except yaml.YAMLError as exc:
            raise DomainError(Errors.F301.format(file=path, line=0, reason=str(exc))) from exc
        merged = data if merged is None else merge(merged, data)
    return merged


def merge(base: Any, top: Any) -> Any:
    """`top` laid over `base`: lists concatenated, dicts merged key by key, else `top` wins."""
    if isinstance(base, list) and isinstance(top, list):
        return base + top
    if isinstance(base, dict) and isinstance(top, dict):
        out = dict(base)
        for key, value in top.items():
            out[key] = merge(base[key], value) if key in base else value
        return out
    return top
