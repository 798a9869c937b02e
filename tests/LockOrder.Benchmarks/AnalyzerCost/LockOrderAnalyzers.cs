using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockOrder.Benchmarks.AnalyzerCost
{
    /// <summary>Every <see cref="DiagnosticAnalyzer"/> the LockOrder.Analyzers assembly ships, instantiated the way a host would.</summary>
    internal static class LockOrderAnalyzers
    {
        internal const string AssemblyName = "LockOrder.Analyzers";

        /// <summary>
        /// Loads the analyzer assembly from its file next to this program, as a compiler host loads an analyzer
        /// reference. (By name it may not resolve: the NuGet packaging project shares the package id
        /// LockOrder.Analyzers, and this program's dependency manifest lists that project's entry instead.)
        /// </summary>
        internal static ImmutableArray<DiagnosticAnalyzer> Load()
        {
            var assembly = Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, AssemblyName + ".dll"));
            Type[] types;
            try
            {
                types = assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException e)
            {
                types = e.Types.Where(t => t != null).Select(t => t!).ToArray();
            }

            return types
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) != null)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();
        }
    }
}
