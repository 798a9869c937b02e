#!/usr/bin/env bash
# LockOrder in one command, on a fresh clone (needs only the .NET 10 SDK):
#   1. packs LockOrder.Analyzers, LockOrder.Runtime and the lockorder tool (LockOrder.Tool) into the local feed artifacts/feed;
#   2. builds samples/BrokenDriver — the classic lock-ordering mistakes of vfio-pci's history, installed from that
#      feed exactly as a user installs the package — and shows each diagnostic with its file, line, source line,
#      rule and explanation;
#   3. does the same for samples/DotNetClassics — the classic deadlocks of .NET code, on lock, Monitor, SemaphoreSlim
#      and ReaderWriterLockSlim, with nothing but the analyzer installed;
#   4. runs samples/VfioDriver, the reference device model, under load with the runtime lock validator on.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
SOURCE_DATE_EPOCH="$(git log -1 --format=%ct 2>/dev/null || echo 315532800)"
export SOURCE_DATE_EPOCH
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -n 1)"
mkdir -p artifacts

echo "== 1/4  Packing LockOrder.Analyzers, LockOrder.Runtime and LockOrder.Tool $version into artifacts/feed"
rm -rf artifacts/feed artifacts/samples-packages/lockorder.*
if ! dotnet pack Analyzers.sln -c Release -o artifacts/feed -nologo -tl:off -v:q > artifacts/pack.log 2>&1; then
  cat artifacts/pack.log
  exit 1
fi
ls -1 artifacts/feed | sed 's/^/   /'

# Builds a sample that must fail, and shows each LockOrder diagnostic with its file, line, the offending source
# line, the rule's title (from the README's rule table) and its message; the build log goes to artifacts/<name>.log.
show_diagnostics() {
  local name="$1" log="artifacts/$1.log" status count=0
  set +e
  dotnet build "samples/$name" -nologo -tl:off -clp:NoSummary -p:LockOrderVersion="$version" > "$log" 2>&1
  status=$?
  set -e
  local pattern='^(.*)\(([0-9]+),([0-9]+)\): (error|warning|info) (LOCK[0-9]+): (.*) \[[^]]*\]$'
  local line file row severity rule message title
  while IFS= read -r line; do
    [[ "$line" =~ $pattern ]] || continue
    file="${BASH_REMATCH[1]}" row="${BASH_REMATCH[2]}" severity="${BASH_REMATCH[4]}" rule="${BASH_REMATCH[5]}" message="${BASH_REMATCH[6]}"
    title="$(sed -n "s:^| \[$rule\](docs/rules/$rule.md) | [A-Za-z]* | \(.*\) |\$:\1:p" README.md)"
    message="${message% (http*)}"   # the help link: shown as the local page below
    count=$((count + 1))
    echo
    echo "-- ${file#"$(pwd)/"}:$row  $severity $rule  $title"
    echo "   | $(sed -n "${row}p" "$file" | sed 's/^[[:space:]]*//')"
    echo "   $message"
    echo "   see docs/rules/$rule.md"
  done < <(grep -E ': (error|warning|info) LOCK[0-9]+:' "$log" | sort -u)
  if [ "$status" -eq 0 ] || [ "$count" -eq 0 ]; then
    cat "$log"
    echo "$name was expected to fail with LockOrder diagnostics." >&2
    exit 1
  fi
  echo
  echo "   $count diagnostics; the full build log is in $log."
}

echo
echo "== 2/4  Building samples/BrokenDriver (it must fail: every file holds one classic mistake)"
show_diagnostics BrokenDriver

echo
echo "== 3/4  Building samples/DotNetClassics (it must fail: every file holds one classic .NET locking mistake)"
show_diagnostics DotNetClassics

echo
echo "== 4/4  Running samples/VfioDriver (the reference device) for 5 seconds with the lock validator on"
if ! dotnet build samples/VfioDriver -c Release -nologo -tl:off -p:LockOrderVersion="$version" > artifacts/VfioDriver.log 2>&1; then
  cat artifacts/VfioDriver.log
  exit 1
fi
dotnet run --project samples/VfioDriver -c Release --no-build -- --seconds 5 --validate
