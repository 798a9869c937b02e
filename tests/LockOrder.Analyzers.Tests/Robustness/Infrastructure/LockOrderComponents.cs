using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using LockOrder.Analyzers.Rules;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockOrder.Analyzers.Tests.Robustness.Infrastructure
{
    /// <summary>
    /// Every analyzer and code fix LockOrder ships, found by reflection over the two shipped assemblies — the way
    /// the compiler and the IDE load them — so an analyzer or fix added later is covered without touching these tests.
    /// </summary>
    internal static class LockOrderComponents
    {
        private static readonly Lazy<ImmutableArray<Type>> AnalyzerTypes = new Lazy<ImmutableArray<Type>>(
            () => Discover(typeof(Descriptors).Assembly, typeof(DiagnosticAnalyzer), typeof(DiagnosticAnalyzerAttribute)));

        private static readonly Lazy<ImmutableArray<Type>> CodeFixTypes = new Lazy<ImmutableArray<Type>>(
            () => Discover(Assembly.Load(new AssemblyName("LockOrder.CodeFixes")), typeof(CodeFixProvider), typeof(ExportCodeFixProviderAttribute)));

        /// <summary>Fresh analyzer instances (an analyzer may keep per-instance state; a run never shares them).</summary>
        internal static ImmutableArray<DiagnosticAnalyzer> CreateAnalyzers() =>
            AnalyzerTypes.Value.Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!).ToImmutableArray();

        internal static ImmutableArray<CodeFixProvider> CreateCodeFixes() =>
            CodeFixTypes.Value.Select(type => (CodeFixProvider)Activator.CreateInstance(type)!).ToImmutableArray();

        private static ImmutableArray<Type> Discover(Assembly assembly, Type baseType, Type exportAttribute)
        {
            Type[] types;
            try
            {
                types = assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException exception)
            {
                types = exception.Types.Where(type => type is not null).ToArray()!;
            }

            return types
                .Where(type => !type.IsAbstract && baseType.IsAssignableFrom(type) && type.GetCustomAttributes(exportAttribute, inherit: false).Length > 0)
                .Where(type => type.GetConstructor(Type.EmptyTypes) is not null)
                .OrderBy(type => type.FullName, StringComparer.Ordinal)
                .ToImmutableArray();
        }
    }
}
