#!/usr/bin/env bash
# `dotnet format analyzers` repairs a user's program with the LockOrder code fixes. A brand-new console project
# outside the repository installs LockOrder.Runtime from the local feed; its Program.cs has classic mistakes with
# LockOrder's locks — a copy from user memory under MemoryLock (write) (error LOCK002), MemoryLock taken before
# VmaLock (error LOCK001), a [MightFault] helper called with a value computed under MemoryLock (write) (error LOCK002
# again, the other fix) and an early return that leaks VmaLock (warning LOCK005) — and with the locks C# already
# uses, in a class whose lock order is declared on its members: two nested lock statements against that order
# (LOCK001), early returns that leak a Monitor.Enter, a Monitor.Enter(o, ref taken) released in a later finally and a
# System.Threading.Lock's Enter (LOCK005), and an ignored Monitor.TryEnter and awaited WaitAsync with a timeout
# (LOCK010). The program's output is recorded with those rules switched off; then
# `dotnet format analyzers --diagnostics LOCK002 LOCK001 LOCK005 LOCK010` must rewrite it so that it builds with no
# diagnostic at all and prints exactly the same output.
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

// The locks C# already uses.
var cache = new Cache();
Console.WriteLine($"rebuilt = {cache.Rebuild()}");
Console.WriteLine($"added = {cache.Add(2)}, {cache.Add(-1)}");
Console.WriteLine($"taken = {cache.Take(3)}, {cache.Take(-3)}");
Console.WriteLine($"stamped = {cache.Stamp(4)}, {cache.Stamp(-4)}");
Console.WriteLine($"polled = {cache.Poll()}");
Console.WriteLine($"saved = {await cache.SaveAsync()}");

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

// A cache whose index is declared to be locked before its entries.
sealed class Cache
{
    [AcquiredBefore(nameof(_entries))]
    private readonly object _index = new object();
    private readonly object _entries = new object();
    private readonly Lock _stamp = new Lock();
    private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
    private int _count;

    // The entries are locked first, then the index.
    public int Rebuild()
    {
        lock (_entries)
        {
            lock (_index)
            {
                _count += 10;
            }
        }

        return _count;
    }

    // The early return leaves the monitor held.
    public int Add(int n)
    {
        Monitor.Enter(_entries);
        if (n < 0)
        {
            return -1;
        }

        _count += n;
        Monitor.Exit(_entries);
        return _count;
    }

    // The early return comes before the try whose finally releases.
    public int Take(int n)
    {
        bool taken = false;
        Monitor.Enter(_index, ref taken);
        if (n < 0)
        {
            return -1;
        }

        try
        {
            _count -= n;
        }
        finally
        {
            if (taken)
            {
                Monitor.Exit(_index);
            }
        }

        return _count;
    }

    // The early return leaves the Lock held.
    public int Stamp(int n)
    {
        _stamp.Enter();
        if (n < 0)
        {
            return -1;
        }

        _count += n;
        _stamp.Exit();
        return _count;
    }

    // Whether the monitor was taken is never checked.
    public int Poll()
    {
        Monitor.TryEnter(_index, 100);
        _count++;
        Monitor.Exit(_index);
        return _count;
    }

    // Whether the semaphore was taken is never checked.
    public async Task<int> SaveAsync()
    {
        await _gate.WaitAsync(TimeSpan.FromSeconds(1));
        _count++;
        _gate.Release();
        return _count;
    }
}
CS

echo "--- the broken program must fail to build with LOCK002, LOCK001, LOCK005 and LOCK010"
set +e
dotnet build -nologo -tl:off -clp:NoSummary > build.log 2>&1
status=$?
set -e
cat build.log
if [ "$status" -eq 0 ]; then
  echo "FAIL: the broken program built, but LOCK001 and LOCK002 are errors" >&2
  exit 1
fi
for id in LOCK002 LOCK001 LOCK005 LOCK010; do
  grep -q "Program.cs([0-9]*,[0-9]*): [a-z]* $id" build.log || { echo "FAIL: no $id reported on the broken program" >&2; exit 1; }
done
report_line="$(grep -n '^    Report(status);$' Program.cs | cut -d: -f1)"
grep -q "Program.cs($report_line,[0-9]*): error LOCK002" build.log || { echo "FAIL: no LOCK002 reported on the helper call (line $report_line)" >&2; exit 1; }
# expect_on LINE_TEXT ID: the rule is reported on the (one) line that reads exactly LINE_TEXT.
expect_on() {
  local line
  line="$(grep -nxF -- "$1" Program.cs | cut -d: -f1)"
  [ "$(echo "$line" | wc -w)" -eq 1 ] || { echo "FAIL: the program should have exactly one line '$1'" >&2; exit 1; }
  grep -q "Program.cs($line,[0-9]*): [a-z]* $2" build.log || { echo "FAIL: no $2 reported on line $line ('$1')" >&2; exit 1; }
}
expect_on '            lock (_index)' LOCK001
expect_on '        Monitor.Enter(_entries);' LOCK005
expect_on '        Monitor.Enter(_index, ref taken);' LOCK005
expect_on '        _stamp.Enter();' LOCK005
expect_on '        Monitor.TryEnter(_index, 100);' LOCK010
expect_on '        await _gate.WaitAsync(TimeSpan.FromSeconds(1));' LOCK010

echo "--- recording what the broken program prints (with the four rules switched off)"
cat > .editorconfig <<'INI'
root = true
[*.cs]
dotnet_diagnostic.LOCK001.severity = none
dotnet_diagnostic.LOCK002.severity = none
dotnet_diagnostic.LOCK005.severity = none
dotnet_diagnostic.LOCK010.severity = none
INI
dotnet build -nologo -tl:off -clp:NoSummary > build.log 2>&1 || { cat build.log; echo "FAIL: the program does not build even with the rules off" >&2; exit 1; }
expected="$(dotnet run --no-build)"
echo "$expected"
rm .editorconfig
cp Program.cs Program.cs.orig

for pass in 1 2; do
  echo "--- dotnet format analyzers --diagnostics LOCK002 LOCK001 LOCK005 LOCK010 (run $pass)"
  cp Program.cs Program.cs.before
  dotnet format analyzers Formatted.csproj --diagnostics LOCK002 LOCK001 LOCK005 LOCK010 --severity info --verbosity normal
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
# Each BCL mistake is repaired by its fix, not merely silenced.
for wanted in '        lock (_index)' '            lock (_entries)' '        lock (_entries)' \
    '        using (_stamp.EnterScope())' '        if (Monitor.TryEnter(_index, 100))' '        if (await _gate.WaitAsync(TimeSpan.FromSeconds(1)))'; do
  grep -qxF -- "$wanted" Program.cs || { echo "FAIL: the rewritten program has no line '$wanted'" >&2; exit 1; }
done
if grep -qE 'Monitor\.Enter|_stamp\.Enter\(\)|bool taken' Program.cs; then
  echo "FAIL: an explicit enter (or its success flag) is left in the rewritten program" >&2
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
echo "PASS: dotnet format repaired LOCK002 (both fixes), LOCK001, LOCK005 and LOCK010, on LockOrder's locks and the BCL's; the program builds clean and prints the same output"
