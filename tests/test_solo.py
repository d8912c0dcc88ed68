"""Issue 12: a newcomer's lone clone (no ../shared next to it) collects every test, and the tests
that need ../shared skip with their reason instead of failing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_TEST = "tests/test_examples.py::test_examples_share_no_sentence_with_shared_corpus"


def _pytest(clone: Path, *args: str, ci: bool = False) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    if ci:
        env["CI"] = "1"
    env["PYTHONPATH"] = str(clone)  # the clone's filon, not this checkout's editable install
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
                          cwd=clone, env=env, capture_output=True, text=True, timeout=600)


@pytest.mark.slow
@pytest.mark.issue(12)
def test_solo_clone_without_shared_collects_and_skips(tmp_path):
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    clone = tmp_path / "filon"  # tmp_path/shared does not exist: the lone clone's situation
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True, timeout=120)
    collected = _pytest(clone, "--co", "-q")
    assert collected.returncode == 0, collected.stdout[-3000:] + collected.stderr[-3000:]
    assert "error" not in collected.stdout.lower().split("tests collected")[-1]
    skipped = _pytest(clone, "-q", "-rs", SHARED_TEST)
    assert skipped.returncode == 0, skipped.stdout[-3000:]
    assert "shared corpus missing" in skipped.stdout and "1 skipped" in skipped.stdout
    under_ci = _pytest(clone, "-q", SHARED_TEST, ci=True)
    assert under_ci.returncode == 1 and "shared corpus missing" in under_ci.stdout
