"""ruff (lint and format) over the whole repository, as a test."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def ruff(*args: str) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("ruff")
    cmd = [exe] if exe else [sys.executable, "-m", "ruff"]
    return subprocess.run([*cmd, *args], cwd=REPO, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module", autouse=True)
def _need_ruff():
    if ruff("--version").returncode != 0:
        pytest.skip("ruff is not installed (pip install -r requirements-dev.txt)")


def test_ruff_check():
    proc = ruff("check", ".")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_ruff_format():
    proc = ruff("format", "--check", ".")
    assert proc.returncode == 0, proc.stdout + proc.stderr
