using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace LockOrder.Analyzers.Tests.Flow
{
    /// <summary>
    /// The runtime's own reference device (LockOrder.Vfio), compiled from source together with the annotations and
    /// lock types it uses, analyzes clean: the correct vfio-pci paths are exactly what the rules must accept.
    /// </summary>
    public sealed class ReferenceDeviceTests
    {
        [Fact]
        public Task RuntimeSourcesIncludingTheVfioModelHaveNoLockDiagnostics()
        {
            var runtime = Path.Combine(RepositoryRoot(), "runtime", "LockOrder.Runtime");
            var test = new CSharpAnalyzerTest<LockOrderAnalyzer, DefaultVerifier>
            {
                ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            };
            var files = Directory.GetFiles(runtime, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                         && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();
            Assert.Contains(files, f => f.Contains(Path.DirectorySeparatorChar + "Vfio" + Path.DirectorySeparatorChar, StringComparison.Ordinal));
            foreach (var file in files)
            {
                test.TestState.Sources.Add((file, File.ReadAllText(file)));
            }

            test.SolutionTransforms.Add((solution, projectId) =>
            {
                var project = solution.GetProject(projectId)!;
                var options = (Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions)project.CompilationOptions!;
                return solution.WithProjectCompilationOptions(projectId, options.WithAllowUnsafe(true).WithNullableContextOptions(Microsoft.CodeAnalysis.NullableContextOptions.Enable));
            });
            return test.RunAsync(CancellationToken.None);
        }

        private static string RepositoryRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Analyzers.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("Analyzers.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
