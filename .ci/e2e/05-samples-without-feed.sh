#!/usr/bin/env bash
# A newcomer on a fresh clone runs a sample before ./demo.sh has filled the local feed artifacts/feed: the samples
# must fail at once with one line that says what to run (samples/Directory.Build.targets), not with NuGet's NU1301
# about a missing source. The samples, nuget.config and global.json are copied outside the repository, where no feed
# exists, so the feed the later checks use is left alone.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The working tree's files as git sees them (tracked, or new and not ignored): no bin, obj or artifacts.
git ls-files -z --cached --others --exclude-standard -- nuget.config global.json samples | tar --null -T - -cf - | tar -xf - -C "$work"
[ ! -e "$work/artifacts" ] || { echo "FAIL: the copy has an artifacts folder" >&2; exit 1; }

expect_one_line() {
  local what="$1" log="$2" status="$3"
  cat "$log"
  if [ "$status" -ne 1 ]; then
    echo "FAIL: $what exited with $status, not 1" >&2
    exit 1
  fi
  if grep -q 'NU1301' "$log"; then
    echo "FAIL: $what reported NuGet's NU1301 instead of saying what to run" >&2
    exit 1
  fi
  # MSBuild repeats a build's errors in its summary: distinct lines are counted.
  if [ "$(grep -E ': error [A-Z]+[0-9]*: ' "$log" | sort -u | wc -l)" -ne 1 ]; then
    echo "FAIL: $what did not report exactly one error" >&2
    exit 1
  fi
  if ! grep -q 'error LOCKFEED: The samples install LockOrder.Runtime .* from the local feed artifacts/feed, which does not have it: run ./demo.sh (or dotnet pack Analyzers.sln -c Release -o artifacts/feed) in the repository root first\.' "$log"; then
    echo "FAIL: $what did not say what fills the local feed" >&2
    exit 1
  fi
}

echo "--- dotnet run --project samples/VfioDriver, with no local feed"
set +e
(cd "$work" && dotnet run --project samples/VfioDriver -- --seconds 1) > "$work/run.log" 2>&1
status=$?
set -e
expect_one_line "dotnet run --project samples/VfioDriver" "$work/run.log" "$status"

echo "--- dotnet build samples/BrokenDriver, with no local feed"
set +e
(cd "$work" && dotnet build samples/BrokenDriver -nologo -tl:off -clp:NoSummary) > "$work/build.log" 2>&1
status=$?
set -e
expect_one_line "dotnet build samples/BrokenDriver" "$work/build.log" "$status"

echo "PASS: without the local feed the samples stop at once with one line that says to run ./demo.sh"
