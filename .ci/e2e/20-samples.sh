#!/usr/bin/env bash
# The samples, built as a user builds them (the LockOrder packages from the local feed, see samples/Directory.Build.props):
#  - samples/BrokenDriver and samples/DotNetClassics must each fail with exactly the diagnostics their
#    "// expect: LOCKnnn" comments name — same ID, file and line, nothing more — read from the compiler's SARIF log;
#  - samples/VfioDriver, the reference device, must build with every LockOrder rule at error severity and run
#    its stress scenario with the runtime validator on.
# Needs LOCKORDER_VERSION (exported by .ci/run); the packages must be in artifacts/feed.
set -euo pipefail
: "${LOCKORDER_VERSION:?run from .ci/run, or export LOCKORDER_VERSION}"
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Builds samples/<name>, which must fail, with a SARIF log (artifacts/<name>.sarif) and a build log
# (artifacts/<name>.log), and checks the log against the sample's "// expect:" comments.
expect_exact_diagnostics() {
  local name="$1" sarif="$(pwd)/artifacts/$1.sarif" status
  rm -f "$sarif"
  echo "--- samples/$name (must fail with exactly the expected diagnostics)"
  set +e
  # %2C: the comma belongs to the ErrorLog value ("path,version=2.1"), not a property separator.
  dotnet build "samples/$name" -nologo -tl:off -clp:NoSummary -p:LockOrderVersion="$LOCKORDER_VERSION" \
    -p:ErrorLog="$sarif%2Cversion=2.1" > "artifacts/$name.log" 2>&1
  status=$?
  set -e
  cat "artifacts/$name.log"
  if [ "$status" -eq 0 ]; then
    echo "FAIL: samples/$name built; its errors must fail the build" >&2
    exit 1
  fi
  python3 .ci/e2e/expected_diagnostics.py "samples/$name" "$sarif"
}

expect_exact_diagnostics BrokenDriver
expect_exact_diagnostics DotNetClassics

echo "--- samples/VfioDriver (must build clean with every LockOrder rule as an error, then run)"
dotnet build samples/VfioDriver -nologo -tl:off -clp:NoSummary -c Release -warnaserror -p:LockOrderVersion="$LOCKORDER_VERSION"
dotnet run --project samples/VfioDriver -c Release --no-build -- --seconds 5 --validate
echo "PASS: samples"
