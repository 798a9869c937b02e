#!/usr/bin/env python3
"""Compares a build's SARIF log with the diagnostics its sources say they must get.

Usage: expected_diagnostics.py <project dir> <log.sarif>

Every "// expect: LOCK001" comment (several IDs may follow, separated by spaces or commas) in the project's .cs
files expects one diagnostic of each ID on that comment's line. The SARIF log (csc's -errorlog, version 2.1)
must hold exactly those results — same ID, file and line, no more, no fewer — and nothing else at all.
"""
import collections
import json
import pathlib
import re
import sys
import urllib.parse
import urllib.request

EXPECT = re.compile(r"//\s*expect:\s*(?P<ids>[A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*)")


def expected(project: pathlib.Path) -> collections.Counter:
    found = collections.Counter()
    for source in sorted(project.rglob("*.cs")):
        if {"bin", "obj"} & set(source.relative_to(project).parts):
            continue
        for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
            match = EXPECT.search(line)
            if match:
                for rule in re.split(r"[\s,]+", match.group("ids").strip()):
                    found[(rule, source.resolve(), number)] += 1
    return found


def actual(sarif_path: pathlib.Path) -> tuple[collections.Counter, dict]:
    log = json.loads(sarif_path.read_text(encoding="utf-8-sig"))
    found = collections.Counter()
    details = {}
    for run in log.get("runs", []):
        for result in run.get("results", []):
            rule = result.get("ruleId", "?")
            locations = result.get("locations") or [{}]
            physical = locations[0].get("physicalLocation", {})
            uri = physical.get("artifactLocation", {}).get("uri", "")
            path = pathlib.Path(urllib.request.url2pathname(urllib.parse.urlparse(uri).path)).resolve() if uri else pathlib.Path("?")
            line = physical.get("region", {}).get("startLine", 0)
            key = (rule, path, line)
            found[key] += 1
            details[key] = (result.get("level", "warning"), result.get("message", {}).get("text", ""))
    return found, details


def show(key, root: pathlib.Path) -> str:
    rule, path, line = key
    try:
        path = path.relative_to(root)
    except ValueError:
        pass
    return f"{path}:{line} {rule}"


def main() -> int:
    project = pathlib.Path(sys.argv[1]).resolve()
    sarif = pathlib.Path(sys.argv[2])
    want = expected(project)
    if not want:
        print(f"FAIL: no '// expect:' comments under {project}", file=sys.stderr)
        return 1
    if not sarif.is_file():
        print(f"FAIL: no SARIF log at {sarif} (did the compiler run?)", file=sys.stderr)
        return 1
    got, details = actual(sarif)
    root = project.parent
    matched = want & got
    missing = want - got
    unexpected = got - want
    for key in sorted(matched, key=str):
        level, message = details[key]
        print(f"  ok        {show(key, root)} ({level}): {message}")
    for key in sorted(missing, key=str):
        print(f"  MISSING   {show(key, root)}" + (f" x{missing[key]}" if missing[key] > 1 else ""))
    for key in sorted(unexpected, key=str):
        level, message = details[key]
        print(f"  UNEXPECTED {show(key, root)} ({level}): {message}")
    print(f"{sum(matched.values())} expected diagnostics found, {sum(missing.values())} missing, {sum(unexpected.values())} unexpected")
    return 0 if not missing and not unexpected else 1


if __name__ == "__main__":
    sys.exit(main())
