using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace LockOrder.CodeFixes.Tests
{
    /// <summary>
    /// The running .NET's framework assemblies (its trusted platform assemblies, so no package is resolved) and the real
    /// LockOrder.Runtime: what test code that uses .NET 9's <c>System.Threading.Lock</c> compiles against.
    /// </summary>
    internal static class CurrentRuntime
    {
        private static readonly Lazy<ImmutableArray<MetadataReference>> All = new Lazy<ImmutableArray<MetadataReference>>(Load);

        internal static ImmutableArray<MetadataReference> References => All.Value;

        private static ImmutableArray<MetadataReference> Load()
        {
            var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            var builder = ImmutableArray.CreateBuilder<MetadataReference>();
            foreach (var path in ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
                .Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries)
                // The list also names the test's own dependencies (Roslyn, xunit, ...): only the framework is wanted.
                .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal) && path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                .OrderBy(path => path, StringComparer.Ordinal))
            {
                if (IsManagedAssembly(path))
                {
                    builder.Add(MetadataReference.CreateFromFile(path));
                }
            }

            builder.Add(MetadataReference.CreateFromFile(typeof(MmapLock).Assembly.Location));
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
