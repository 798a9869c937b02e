using System;
using System.IO;

namespace LockOrder.Analyzers.Tests.Robustness.Infrastructure
{
    /// <summary>
    /// The repository checkout the tests run from, found by walking up from the test binaries to the folder that
    /// holds <c>Analyzers.sln</c>: the fuzz corpus is read from the sources themselves, so every test and sample
    /// added later is fuzzed without registering it anywhere.
    /// </summary>
    internal static class RepositoryRoot
    {
        private static readonly Lazy<string> Root = new Lazy<string>(Find);

        internal static string Path => Root.Value;

        private static string Find()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(directory.FullName, "Analyzers.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("No folder containing Analyzers.sln above " + AppContext.BaseDirectory);
        }
    }
}
