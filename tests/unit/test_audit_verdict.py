"""`make audit` tells "vulnerable" from "could not check", from each tool's own report."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "audit_verdict.py"


def verdict(*args: str, report: object) -> tuple[int, str]:
    text = report if isinstance(report, str) else json.dumps(report)
    result = subprocess.run([sys.executable, str(SCRIPT), *args], input=text,
                            capture_output=True, text=True)  # fmt: skip
    return result.returncode, result.stdout


def test_a_python_advisory_is_vulnerable_and_named():
    report = {
        "dependencies": [
            {"name": "flask", "version": "3.1.3", "vulns": []},
            {"name": "jinja2", "version": "3.1.0", "vulns": [
                {"id": "GHSA-h75v-3vvj-5mfj", "fix_versions": ["3.1.4"]}]},
            {"name": "find-a-physician", "skip_reason": "not on PyPI"},
        ],
    }  # fmt: skip
    code, out = verdict("pip", "osv", report=report)
    assert code == 1
    assert "jinja2 3.1.0: GHSA-h75v-3vvj-5mfj (fixed in 3.1.4)" in out
    assert "not audited: find-a-physician (not on PyPI)" in out
    assert "audit python: VULNERABLE - 1 of 2 packages (osv)" in out


def test_a_clean_python_report_is_ok():
    report = {"dependencies": [{"name": "flask", "version": "3.1.3", "vulns": []}]}
    assert verdict("pip", "pypi", report=report) == (
        0, "audit python: OK - 1 installed packages, no known vulnerability (pypi)\n",
    )  # fmt: skip


def test_no_report_from_pip_audit_is_not_checked():
    code, out = verdict("pip", "pypi", report="")
    assert code == 2 and "NOT CHECKED" in out


def test_npm_that_could_not_reach_its_advisories_is_not_checked():
    report = {"message": "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/"
              "security/advisories/bulk", "error": {"summary": ""}}  # fmt: skip
    code, out = verdict("npm", report=report)
    assert code == 2 and "audit npm: NOT CHECKED - 405 Method Not Allowed" in out
    assert "not audited" in out


def test_npm_advisories_are_vulnerable():
    report = {
        "vulnerabilities": {"leaflet": {"severity": "moderate", "range": "<1.9.5"}},
        "metadata": {"vulnerabilities": {"total": 1}},
    }
    code, out = verdict("npm", report=report)
    assert code == 1 and "leaflet: moderate (<1.9.5)" in out


def test_a_clean_npm_report_is_ok():
    report = {"vulnerabilities": {}, "metadata": {"vulnerabilities": {"total": 0}}}
    assert verdict("npm", report=report)[0] == 0
