#!/usr/bin/env bash
# The benchmark programs run end to end in their quick mode: the generator, the harness and the analyzers work on
# generated lock-heavy and ordinary code (exit 1 if an analyzer throws), and both lock ratios are printed. The numbers
# of a quick run are indicative only — docs/benchmarks.md has the full runs and how to reproduce them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
benchmarks=tests/LockOrder.Benchmarks/bin/Release/net10.0/LockOrder.Benchmarks.dll
dotnet "$benchmarks" locks --quick
dotnet "$benchmarks" analyzer --quick
