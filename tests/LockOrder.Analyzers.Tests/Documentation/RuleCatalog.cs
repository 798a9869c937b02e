using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using LockOrder.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LockOrder.Analyzers.Tests.Documentation
{
    /// <summary>
    /// Every descriptor of the one table in <see cref="Descriptors"/>, read by reflection so that a rule added
    /// there is checked against every document without registering it anywhere else.
    /// </summary>
    internal static class RuleCatalog
    {
        internal static readonly ImmutableArray<DiagnosticDescriptor> All = typeof(Descriptors)
            .GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
            .OrderBy(descriptor => descriptor.Id, StringComparer.Ordinal)
            .ToImmutableArray();

        internal static TheoryData<string> Ids()
        {
            var data = new TheoryData<string>();
            foreach (var descriptor in All)
            {
                data.Add(descriptor.Id);
            }

            return data;
        }

        internal static DiagnosticDescriptor Get(string id) => All.Single(descriptor => descriptor.Id == id);
    }
}
