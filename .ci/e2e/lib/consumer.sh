# Sourced by the end-to-end checks (not run by .ci/run itself): a brand-new console project outside the repository
# that installs LockOrder.Runtime from the local feed the way a user installs it from nuget.org.
# Needs LOCKORDER_FEED and LOCKORDER_VERSION (exported by .ci/run).

# new_consumer_project NAME: in the current (temporary) folder, writes the user's own nuget.config — the feed the
# package is published to, plus nuget.org — creates the console project NAME, installs the package, and enters it.
new_consumer_project() {
  local name="$1"
  cat > nuget.config <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="lockorder" value="$LOCKORDER_FEED" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML
  dotnet new console --name "$name" --output "$name" --framework net10.0 >/dev/null
  cd "$name"
  dotnet add package LockOrder.Runtime --version "$LOCKORDER_VERSION" --source "$LOCKORDER_FEED"
}
