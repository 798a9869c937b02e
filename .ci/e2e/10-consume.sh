#!/usr/bin/env bash
# A brand-new console project outside the repository installs LockOrder.Runtime from the local feed the way a
# user installs it from nuget.org. A copy from user memory inside `using (mem.Write())` must fail the build
# with error LOCK002 (the analyzer came with the runtime package); the corrected program must build with no
# diagnostics at all and run.
# Needs LOCKORDER_FEED and LOCKORDER_VERSION (exported by .ci/run).
set -euo pipefail
: "${LOCKORDER_FEED:?run from .ci/run, or export LOCKORDER_FEED}" "${LOCKORDER_VERSION:?export LOCKORDER_VERSION}"

echo "--- the feed holds exactly the three packages (the two libraries with their symbols, and the tool), shaped as users need them"
python3 - "$LOCKORDER_FEED" "$LOCKORDER_VERSION" <<'PY'
import pathlib, re, sys, zipfile
feed, version = pathlib.Path(sys.argv[1]), sys.argv[2]
names = sorted(p.name for p in feed.iterdir())
want = sorted([f"LockOrder.{id}.{version}.{ext}" for id in ("Analyzers", "Runtime") for ext in ("nupkg", "snupkg")] + [f"LockOrder.Tool.{version}.nupkg"])
assert names == want, f"feed holds {names}, expected {want}"
def entries(name):
    with zipfile.ZipFile(feed / name) as z:
        return set(z.namelist()), {n: z.read(n).decode("utf-8-sig") for n in z.namelist() if n.endswith(".nuspec")}
files, nuspec = entries(f"LockOrder.Analyzers.{version}.nupkg")
spec = next(iter(nuspec.values()))
assert {"analyzers/dotnet/cs/LockOrder.Analyzers.dll", "analyzers/dotnet/cs/LockOrder.CodeFixes.dll", "README.md"} <= files, files
assert not any(f.startswith(("lib/", "ref/", "build/", "tools/")) for f in files), f"the analyzer package must add no reference: {files}"
assert "<developmentDependency>true</developmentDependency>" in spec and "<dependency " not in spec, spec
files, nuspec = entries(f"LockOrder.Runtime.{version}.nupkg")
spec = next(iter(nuspec.values()))
assert {"lib/netstandard2.0/LockOrder.Runtime.dll", "lib/net8.0/LockOrder.Runtime.dll", "README.md"} <= files, files
deps = re.findall(r'<dependency id="LockOrder.Analyzers"[^>]*/>', spec)
assert len(deps) == 2 and all(f'version="{version}"' in d and "exclude" not in d for d in deps), f"LockOrder.Analyzers must flow to consumers of every target: {deps}"
for id, pdbs in (("Analyzers", {"analyzers/dotnet/cs/LockOrder.Analyzers.pdb"}), ("Runtime", {"lib/net8.0/LockOrder.Runtime.pdb"})):
    files, _ = entries(f"LockOrder.{id}.{version}.snupkg")
    assert pdbs <= files, f"symbols missing from LockOrder.{id}: {files}"
files, nuspec = entries(f"LockOrder.Tool.{version}.nupkg")
spec = next(iter(nuspec.values()))
tool = "tools/net10.0/any/"
assert {tool + "LockOrder.Tool.dll", tool + "LockOrder.Analyzers.dll", tool + "DotnetToolSettings.xml", "README.md"} <= files, files
assert tool + "BuildHost-netcore/Microsoft.CodeAnalysis.Workspaces.MSBuild.BuildHost.dll" in files, f"the tool needs the workspace's build host: {files}"
msbuild = {tool + name + ".dll" for name in ("Microsoft.Build", "Microsoft.Build.Framework", "Microsoft.Build.Utilities.Core", "Microsoft.NET.StringTools")}
assert not msbuild & files, f"MSBuild's assemblies must come from the SDK the tool locates, not from the tool: {msbuild & files}"
assert '<packageType name="DotnetTool"' in spec and "<dependency " not in spec, spec
with zipfile.ZipFile(feed / f"LockOrder.Tool.{version}.nupkg") as z:
    settings = z.read(tool + "DotnetToolSettings.xml").decode("utf-8-sig")
assert 'Name="lockorder"' in settings and 'EntryPoint="LockOrder.Tool.dll"' in settings, settings
print("packages ok: " + ", ".join(want))
PY

source "$(dirname "${BASH_SOURCE[0]}")/lib/consumer.sh"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

new_consumer_project Consumer

# The mistake of DESIGN §1: user memory touched while MemoryLock is write-held.
cat > Program.cs <<'CS'
using LockOrder;
using LockOrder.Vfio;

var process = new AddressSpace("process");
UserBuffer user = process.Allocate(2);
user.CopyToUser(new byte[] { 0x02, 0x00 });

var mem = new MemoryLock();
ushort command;
Span<byte> value = stackalloc byte[2];
using (mem.Write())
{
    user.CopyFromUser(value);
    command = BitConverter.ToUInt16(value);
}
Console.WriteLine($"command = 0x{command:x4}");
CS

echo "--- building the broken program (must fail with error LOCK002)"
set +e
dotnet build -nologo -tl:off -clp:NoSummary > build.log 2>&1
status=$?
set -e
cat build.log
if [ "$status" -eq 0 ]; then
  echo "FAIL: the build succeeded, but the copy from user memory under MemoryLock (write) must be error LOCK002" >&2
  exit 1
fi
if ! grep -q 'Program.cs(13,[0-9]*): error LOCK002' build.log; then
  echo "FAIL: expected 'Program.cs(13,..): error LOCK002' in the build output" >&2
  exit 1
fi
if grep -E ': (error|warning) ' build.log | grep -v 'error LOCK002' | grep -q .; then
  echo "FAIL: the broken program got diagnostics other than LOCK002" >&2
  exit 1
fi

# The fix pattern: copy user data in before taking the lock.
cat > Program.cs <<'CS'
using LockOrder;
using LockOrder.Vfio;

var process = new AddressSpace("process");
UserBuffer user = process.Allocate(2);
user.CopyToUser(new byte[] { 0x02, 0x00 });

var mem = new MemoryLock();
ushort command;
Span<byte> value = stackalloc byte[2];
user.CopyFromUser(value);
using (mem.Write())
{
    command = BitConverter.ToUInt16(value);
}
Console.WriteLine($"command = 0x{command:x4}");
CS

echo "--- building the corrected program (must build with no warnings)"
dotnet build -nologo -tl:off -clp:NoSummary -warnaserror > build.log 2>&1 || { cat build.log; echo "FAIL: the corrected program does not build clean" >&2; exit 1; }
cat build.log
output="$(dotnet run --no-build)"
echo "$output"
[ "$output" = "command = 0x0002" ] || { echo "FAIL: the corrected program printed '$output'" >&2; exit 1; }

# The analyzer must come from LockOrder.Analyzers (a dependency of the runtime package) and add nothing to the output.
if ls bin/Debug/net10.0/ | grep -q 'LockOrder\.Analyzers\|LockOrder\.CodeFixes'; then
  echo "FAIL: analyzer assemblies were copied to the program's output" >&2
  exit 1
fi
echo "PASS: brand-new project: error LOCK002 on the broken program; the corrected program builds clean and runs"
