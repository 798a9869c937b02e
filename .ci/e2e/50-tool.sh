#!/usr/bin/env bash
# The lockorder tool, installed from the local feed the way a user installs it (dotnet tool install --add-source),
# run end to end on the real samples, which 20-samples.sh restored and built from the same feed:
#  - `lockorder check samples/BrokenDriver` must exit 1 with exactly the diagnostics the build gave
#    (artifacts/BrokenDriver.sarif, the compiler's own log) — same rule, file, line, column, severity and message —
#    and its SARIF log must meet the samples' "// expect:" contract (expected_diagnostics.py);
#  - `lockorder check samples/VfioDriver` must exit 0;
#  - `lockorder graph samples/BrokenDriver` in mermaid (the default, to standard output), dot and json (to files)
#    must show the bus-reset cycle BusLock → MmapLock → VmaLock → MemoryLock → BusLock with every edge marked.
# Needs LOCKORDER_FEED and LOCKORDER_VERSION (exported by .ci/run).
set -euo pipefail
: "${LOCKORDER_FEED:?run from .ci/run, or export LOCKORDER_FEED}" "${LOCKORDER_VERSION:?export LOCKORDER_VERSION}"
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
[ -f artifacts/BrokenDriver.sarif ] || { echo "FAIL: artifacts/BrokenDriver.sarif is missing (20-samples.sh writes it)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "--- dotnet tool install LockOrder.Tool $LOCKORDER_VERSION from the local feed"
# From outside the repository, as a user would: only the feed given on the command line and the user's own sources.
(cd "$work" && dotnet tool install LockOrder.Tool --version "$LOCKORDER_VERSION" --add-source "$LOCKORDER_FEED" --tool-path "$work/tools")
lockorder="$work/tools/lockorder"
version="$("$lockorder" --version)"
echo "lockorder --version: $version"
case "$version" in
  "$LOCKORDER_VERSION"|"$LOCKORDER_VERSION+"*) ;;
  *) echo "FAIL: the installed tool reports version '$version', not $LOCKORDER_VERSION" >&2; exit 1 ;;
esac

echo "--- lockorder check samples/BrokenDriver (must exit 1 with the build's diagnostics)"
set +e
"$lockorder" check samples/BrokenDriver --sarif "$work/BrokenDriver.tool.sarif"
status=$?
set -e
if [ "$status" -ne 1 ]; then
  echo "FAIL: lockorder check samples/BrokenDriver exited $status; its errors must make it exit 1" >&2
  exit 1
fi
python3 .ci/e2e/expected_diagnostics.py samples/BrokenDriver "$work/BrokenDriver.tool.sarif"
python3 - artifacts/BrokenDriver.sarif "$work/BrokenDriver.tool.sarif" <<'PY'
import json, sys, urllib.parse, urllib.request
def results(path):
    log = json.load(open(path, encoding="utf-8-sig"))
    found = []
    for run in log["runs"]:
        for r in run.get("results", []):
            if not r["ruleId"].startswith("LOCK"):
                continue
            p = r["locations"][0]["physicalLocation"]
            file = urllib.request.url2pathname(urllib.parse.urlparse(p["artifactLocation"]["uri"]).path)
            found.append((r["ruleId"], file, p["region"]["startLine"], p["region"].get("startColumn"), r.get("level", "warning"), r["message"]["text"]))
    return sorted(found)
build, tool = results(sys.argv[1]), results(sys.argv[2])
for only, where in ((sorted(set(build) - set(tool)), "build only"), (sorted(set(tool) - set(build)), "tool only")):
    for r in only:
        print(f"  {where}: {r}")
assert build == tool, f"lockorder check and the build disagree ({len(build)} diagnostics in the build, {len(tool)} from the tool)"
print(f"the tool's {len(tool)} diagnostics are the build's, with the same columns, severities and messages")
PY

echo "--- lockorder check samples/VfioDriver (must exit 0: every rule is an error there, and none is reported)"
"$lockorder" check samples/VfioDriver

echo "--- lockorder graph samples/BrokenDriver, as mermaid (standard output), dot and json"
"$lockorder" graph samples/BrokenDriver > "$work/graph.md"
"$lockorder" graph samples/BrokenDriver --format dot -o "$work/graph.dot"
"$lockorder" graph samples/BrokenDriver --format json -o "$work/graph.json"
cat "$work/graph.md"
python3 - "$work" <<'PY'
import json, pathlib, re, sys
work = pathlib.Path(sys.argv[1])
cycle = [("BusLock", "MmapLock"), ("MmapLock", "VmaLock"), ("VmaLock", "MemoryLock"), ("MemoryLock", "BusLock")]

lines = (work / "graph.md").read_text(encoding="utf-8").strip().splitlines()
assert lines[0] == "```mermaid" and lines[-1] == "```" and lines[1] == "flowchart LR", "not one fenced mermaid flowchart"
labels = dict(re.findall(r'^    (L_\w+)\["([^"]*)"\]$', "\n".join(lines), re.M))
edges = [(labels[a], labels[b], arrow, label) for a, arrow, label, b in re.findall(r'^    (L_\w+) (-->|==>)\|"([^"]*)"\| (L_\w+)$', "\n".join(lines), re.M)]
styled = {int(i) for m in re.findall(r"^    linkStyle ([\d,]+) ", "\n".join(lines), re.M) for i in m.split(",")}
for a, b in cycle:
    index = next(i for i, e in enumerate(edges) if e[:3] == (a, b, "-->"))
    assert index in styled and edges[index][3].startswith("LOCK008 cycle: BusResetCycle.cs:"), f"mermaid: {a} → {b} is not marked: {edges[index]}"

dot = (work / "graph.dot").read_text(encoding="utf-8")
assert dot.startswith("digraph lockorder {"), "not a DOT digraph"
for a, b in cycle:
    line = next(l for l in dot.splitlines() if re.search(rf"_{a} -> L_\w*_{b} \[", l) and "style=bold" not in l)
    assert 'label="LOCK008 cycle: BusResetCycle.cs:' in line and "color=" in line, f"dot: {a} → {b} is not marked: {line}"

graph = json.loads((work / "graph.json").read_text(encoding="utf-8"))
names = {n["id"]: n["name"] for n in graph["nodes"]}
assert any(c["rule"] == "LOCK008" and [names[n] for n in c["nodes"]] == [a for a, _ in cycle] for c in graph["cycles"]), graph["cycles"]
for a, b in cycle:
    edge = next(e for e in graph["edges"] if (names[e["from"]], names[e["to"]], e["kind"]) == (a, b, "observed"))
    assert edge["onCycle"] and edge["location"]["path"] == "BusResetCycle.cs", f"json: {a} → {b}: {edge}"
print("graph ok: the bus-reset cycle, every edge marked, in mermaid, dot and json")
PY
echo "PASS: lockorder installed from the feed; check and graph agree with the build on the samples"
