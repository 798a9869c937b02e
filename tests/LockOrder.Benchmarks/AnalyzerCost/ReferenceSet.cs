using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace LockOrder.Benchmarks.AnalyzerCost
{
    /// <summary>
    /// The metadata references a real build of the generated code would use: the framework's reference assemblies
    /// for the running runtime (its ref pack under the dotnet root, or else the runtime's own assemblies) and
    /// LockOrder.Runtime.
    /// </summary>
    internal static class ReferenceSet
    {
        internal static (IReadOnlyList<MetadataReference> References, string Description) Create()
        {
            var runtime = MetadataReference.CreateFromFile(typeof(MmapLock).Assembly.Location);
            var (framework, description) = FrameworkAssemblies();
            var references = framework.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToList();
            references.Add(runtime);
            return (references, description);
        }

        private static (IReadOnlyList<string> Paths, string Description) FrameworkAssemblies()
        {
            // .../shared/Microsoft.NETCore.App/<version>/ → .../packs/Microsoft.NETCore.App.Ref/<version>/ref/net<major>.<minor>/
            string runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
            var versionDirectory = new DirectoryInfo(runtimeDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var dotnetRoot = versionDirectory.Parent?.Parent?.Parent;
            var version = Environment.Version;
            if (dotnetRoot != null)
            {
                string refDirectory = Path.Combine(
                    dotnetRoot.FullName, "packs", "Microsoft.NETCore.App.Ref", versionDirectory.Name, "ref", $"net{version.Major}.{version.Minor}");
                if (Directory.Exists(refDirectory))
                {
                    return (Directory.GetFiles(refDirectory, "*.dll"), "ref pack " + refDirectory);
                }
            }

            string trusted = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")
                ?? throw new InvalidOperationException("Neither the framework ref pack nor TRUSTED_PLATFORM_ASSEMBLIES is available.");
            var paths = trusted.Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal)
                    || Path.GetFileName(p) == "netstandard.dll"
                    || Path.GetFileName(p) == "mscorlib.dll")
                .ToList();
            return (paths, "runtime assemblies (TRUSTED_PLATFORM_ASSEMBLIES)");
        }
    }
}
