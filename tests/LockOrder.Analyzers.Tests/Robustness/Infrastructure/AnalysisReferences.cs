using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Tests.Robustness.Infrastructure
{
    /// <summary>
    /// What the analyzed code compiles against: the running .NET's framework assemblies (its trusted platform
    /// assemblies, so no package has to be resolved thousands of times) and the real LockOrder.Runtime, whose
    /// annotations drive the analysis.
    /// </summary>
    internal static class AnalysisReferences
    {
        private static readonly Lazy<ImmutableArray<MetadataReference>> All = new Lazy<ImmutableArray<MetadataReference>>(Load);

        internal static ImmutableArray<MetadataReference> Framework => All.Value;

        private static ImmutableArray<MetadataReference> Load()
        {
            var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
                .Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries)
                // The list also names the test's own dependencies (Roslyn, xunit, ...): only the framework is wanted.
                .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
                .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                .OrderBy(path => path, StringComparer.Ordinal);

            var builder = ImmutableArray.CreateBuilder<MetadataReference>();
            foreach (var path in platform)
            {
                if (IsManagedAssembly(path))
                {
                    builder.Add(MetadataReference.CreateFromFile(path));
                }
            }

            builder.Add(MetadataReference.CreateFromFile(typeof(LockOrder.MmapLock).Assembly.Location));
            return builder.ToImmutable();
        }

        private static bool IsManagedAssembly(string path)
        {
            try
            {
                System.Reflection.AssemblyName.GetAssemblyName(path);
                return true;
            }
            catch (BadImageFormatException)
            {
                return false;
            }
        }
    }
}
