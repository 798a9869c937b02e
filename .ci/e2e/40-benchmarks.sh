#!/usr/bin/env bash
# The benchmark programs run end to end in their quick mode: the generator, the harness and the analyzers work on
# generated lock-heavy and ordinary code, over LockOrder's locks and over the BCL's (exit 1 if an analyzer throws or
# a generated workload does not compile), and both lock ratios are printed. The corpus mode then measures this
# repository's runtime/ as a real code base and writes what LockOrder reports there (exit 1 if an analyzer throws);
# the file must be well-formed JSON. The numbers of a quick run are indicative only — docs/benchmarks.md has the full
# runs and how to reproduce them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
benchmarks=tests/LockOrder.Benchmarks/bin/Release/net10.0/LockOrder.Benchmarks.dll
dotnet "$benchmarks" locks --quick
dotnet "$benchmarks" analyzer --quick
mkdir -p artifacts/benchmarks
diagnostics=artifacts/benchmarks/runtime-corpus.json
dotnet "$benchmarks" corpus runtime --quick --diagnostics "$diagnostics"
python3 - "$diagnostics" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
print("%s: %d diagnostics, %d analyzer exceptions" % (sys.argv[1], len(report["diagnostics"]), len(report["analyzerExceptions"])))
PY
