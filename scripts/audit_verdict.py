"""One verdict line from an audit tool's JSON report (read on stdin), for scripts/audit.

    pip-audit ... --format json | python scripts/audit_verdict.py pip SOURCE
    npm audit --json            | python scripts/audit_verdict.py npm

Exit status: 0 nothing known to be vulnerable, 1 vulnerable, 2 could not check.
"""

from __future__ import annotations

import json
import sys

OK, VULNERABLE, NOT_CHECKED = 0, 1, 2


def pip_verdict(report: dict, source: str) -> int:
    dependencies = report.get("dependencies", [])
    found = [d for d in dependencies if d.get("vulns")]
    skipped = [f"{d['name']} ({d.get('skip_reason', 'skipped')})" for d in dependencies
               if "skip_reason" in d]  # fmt: skip
    for dep in found:
        for vuln in dep["vulns"]:
            fixed = ", ".join(vuln.get("fix_versions") or []) or "no fix yet"
            print(f"  {dep['name']} {dep['version']}: {vuln['id']} (fixed in {fixed})")
    if skipped:
        print("  not audited: " + ", ".join(skipped))
    audited = len(dependencies) - len(skipped)
    if found:
        print(f"audit python: VULNERABLE - {len(found)} of {audited} packages ({source})")
        return VULNERABLE
    print(f"audit python: OK - {audited} installed packages, no known vulnerability ({source})")
    return OK


def npm_verdict(report: dict) -> int:
    counts = report.get("metadata", {}).get("vulnerabilities")
    if counts is None:  # npm could not reach the advisory endpoint: {"message": ..., "error": ...}
        print(f"audit npm: NOT CHECKED - {report.get('message', 'no report from npm audit')}")
        print("  not audited: the packages in package-lock.json (leaflet, axe-core)")
        return NOT_CHECKED
    for name, vuln in report.get("vulnerabilities", {}).items():
        print(f"  {name}: {vuln.get('severity')} ({vuln.get('range', '')})")
    total = counts.get("total", 0)
    if total:
        print(f"audit npm: VULNERABLE - {total} advisories")
        return VULNERABLE
    print("audit npm: OK - no known vulnerability in package-lock.json")
    return OK


def main() -> int:
    text = sys.stdin.read()
    try:
        report = json.loads(text) if text.strip() else {}
    except json.JSONDecodeError:
        report = {"message": "the report was not JSON"}
    if sys.argv[1] == "pip":
        if "dependencies" not in report:
            print("audit python: NOT CHECKED - pip-audit gave no report")
            return NOT_CHECKED
        return pip_verdict(report, sys.argv[2])
    return npm_verdict(report)


if __name__ == "__main__":
    sys.exit(main())
