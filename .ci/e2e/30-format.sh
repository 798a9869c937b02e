#!/usr/bin/env bash
# `dotnet format analyzers` repairs a user's program with the LockOrder code fixes. A brand-new console project
# outside the repository installs LockOrder.Runtime from the local feed; its Program.cs has four classic mistakes:
# a copy from user memory under MemoryLock (write) (error LOCK002), MemoryLock taken before VmaLock (error LOCK001),
# a [MightFault] helper called with a value computed under MemoryLock (write) (error LOCK002 again, the other fix)
# and an early return that leaks VmaLock (warning LOCK005). The program's output is recorded with those rules
# switched off; then `dotnet format analyzers --diagnostics LOCK002 LOCK001 LOCK005` must rewrite it so that it builds
# with no diagnostic at all and prints exactly the same output.
# dotnet format finds a diagnostic's occurrences once and runs each of its fixers on them in turn, so once one of
# LOCK002's two fixers has changed a file, the other finds none of its occurrences there: a file that needs both
# gets one per run. The command is run twice, as docs/rules/LOCK002.md tells users to; the first run must change
# the program, and after the second it must be repaired completely.
# Needs LOCKORDER_FEED and LOCKORDER_VERSION (exported by .ci/run).
set -euo pipefail
: "${LOCKORDER_FEED:?run from .ci/run, or export LOCKORDER_FEED}" "${LOCKORDER_VERSION:?export LOCKORDER_VERSION}"

source "$(dirname "${BASH_SOURCE[0]}")/lib/consumer.sh"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

new_consumer_project Formatted

cat > Program.cs <<'CS'
using LockOrder;
using LockOrder.Vfio;

var process = new AddressSpace("process");
UserBuffer user = process.Allocate(4);
user.CopyToUser(new byte[] { 0x02, 0x00, 0x07, 0x00 });

var vma = new VmaLock();
var mem = new MemoryLock();

// A config write: the new command is copied in while the memory-enable bit is locked.
ushort command;
var value = new byte[4];
using (mem.Write())
{
    user.CopyFromUser(value);
    command = BitConverter.ToUInt16(value, 0);
}
Console.WriteLine($"command = 0x{command:x4}");

// A reader that takes the memory lock first, then the vma lock.
int mapped;
using (mem.Read())
using (vma.Lock())
{
    mapped = value[2];
}
Console.WriteLine($"mapped = {mapped}");

// A status report computed under the write lock and handed to a helper that writes it to user memory.
int status = command;
int reports = 0;
using (mem.Write())
{
    status |= mapped << 8;
    Report(status);
    reports++;
}
Console.WriteLine($"reports = {reports}");

Console.WriteLine($"count = {Count(vma, 3)}");
Console.WriteLine($"count = {Count(vma, 5)}");

// The early return leaves VmaLock held.
static int Count(VmaLock vma, int n)
{
    vma.Enter();
    if (n > 4)
    {
        return -1;
    }

    Console.WriteLine($"counting {n} under the vma lock");
    vma.Exit();
    return n * 2;
}

// Copies the report out to user memory (the console stands in for it): it may fault.
[MightFault]
static void Report(int word) => Console.WriteLine($"status = 0x{word:x4}");
CS

echo "--- the broken program must fail to build with LOCK002, LOCK001 and LOCK005"
set +e
dotnet build -nologo -tl:off -clp:NoSummary > build.log 2>&1
status=$?
set -e
cat build.log
if [ "$status" -eq 0 ]; then
  echo "FAIL: the broken program built, but LOCK001 and LOCK002 are errors" >&2
  exit 1
fi
for id in LOCK002 LOCK001 LOCK005; do
  grep -q "Program.cs([0-9]*,[0-9]*): [a-z]* $id" build.log || { echo "FAIL: no $id reported on the broken program" >&2; exit 1; }
done
report_line="$(grep -n '^    Report(status);$' Program.cs | cut -d: -f1)"
grep -q "Program.cs($report_line,[0-9]*): error LOCK002" build.log || { echo "FAIL: no LOCK002 reported on the helper call (line $report_line)" >&2; exit 1; }

echo "--- recording what the broken program prints (with the three rules switched off)"
cat > .editorconfig <<'INI'
root = true
[*.cs]
dotnet_diagnostic.LOCK001.severity = none
dotnet_diagnostic.LOCK002.severity = none
dotnet_diagnostic.LOCK005.severity = none
INI
dotnet build -nologo -tl:off -clp:NoSummary > build.log 2>&1 || { cat build.log; echo "FAIL: the program does not build even with the rules off" >&2; exit 1; }
expected="$(dotnet run --no-build)"
echo "$expected"
rm .editorconfig
cp Program.cs Program.cs.orig

for pass in 1 2; do
  echo "--- dotnet format analyzers --diagnostics LOCK002 LOCK001 LOCK005 (run $pass)"
  cp Program.cs Program.cs.before
  dotnet format analyzers Formatted.csproj --diagnostics LOCK002 LOCK001 LOCK005 --severity info --verbosity normal
  diff -u Program.cs.before Program.cs || true
  if [ "$pass" -eq 1 ] && cmp -s Program.cs.before Program.cs; then
    echo "FAIL: dotnet format did not change the program" >&2
    exit 1
  fi
done
echo "--- the rewritten program"
diff -u Program.cs.orig Program.cs || true
if grep -q '^    Report(status);$' Program.cs; then
  echo "FAIL: the helper call is still under the write lock" >&2
  exit 1
fi

echo "--- the rewritten program must build with no diagnostic at all"
dotnet build -nologo -tl:off -clp:NoSummary -warnaserror > build.log 2>&1 || { cat build.log; echo "FAIL: the rewritten program does not build clean" >&2; exit 1; }
cat build.log
if grep -q 'LOCK0' build.log; then
  echo "FAIL: the rewritten program still has LockOrder diagnostics" >&2
  exit 1
fi

actual="$(dotnet run --no-build)"
echo "$actual"
if [ "$actual" != "$expected" ]; then
  echo "FAIL: the rewritten program prints something else" >&2
  diff <(echo "$expected") <(echo "$actual") >&2 || true
  exit 1
fi
echo "PASS: dotnet format repaired LOCK002 (both fixes), LOCK001 and LOCK005; the program builds clean and prints the same output"
