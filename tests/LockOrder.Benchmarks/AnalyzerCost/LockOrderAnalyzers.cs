using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockOrder.Benchmarks.AnalyzerCost
{
    /// <summary>Every <see cref="DiagnosticAnalyzer"/> the LockOrder.Analyzers assembly ships, instantiated the way a host would.</summary>
    internal static class LockOrderAnalyzers
    {
        internal const string AssemblyName = "LockOrder.Analyzers";

        internal static ImmutableArray<DiagnosticAnalyzer> Load()
        {
            var assembly = Assembly.Load(AssemblyName);
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
