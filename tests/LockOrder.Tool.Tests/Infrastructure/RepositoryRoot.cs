using System;
using System.IO;

namespace LockOrder.Tool.Tests.Infrastructure
{
    /// <summary>The checkout the tests run from: the folder above the test binaries that holds Analyzers.sln.</summary>
    internal static class RepositoryRoot
    {
        internal static string Path { get; } = Find();

        private static string Find()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(directory.FullName, "Analyzers.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("Analyzers.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
