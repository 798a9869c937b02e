using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LockOrder.Analyzers.Interprocedural;
using LockOrder.Analyzers.Model;
using LockOrder.Analyzers.Tests.Robustness.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LockOrder.Analyzers.Tests.Interprocedural
{
    /// <summary>
    /// A small compilation against the real LockOrder.Runtime, with its lock model and summary provider, for unit
    /// tests of the interprocedural layer that do not need the flow analysis.
    /// </summary>
    internal sealed class SummaryTestCompilation
    {

        private SummaryTestCompilation(CSharpCompilation compilation, AnalyzerOptions options)
        {
            Compilation = compilation;
            Model = LockModel.Create(compilation);
            Options = options;
            Summaries = new SummaryProvider(Model, options);
        }

        internal CSharpCompilation Compilation { get; }

        internal LockModel Model { get; }

        internal AnalyzerOptions Options { get; }

        internal SummaryProvider Summaries { get; }

        /// <summary>Compiles <paramref name="sources"/> (file name → text); <paramref name="editorConfig"/> maps a file name to its options.</summary>
        internal static SummaryTestCompilation Create(IReadOnlyDictionary<string, string> sources, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? editorConfig = null)
        {
            var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Value, new CSharpParseOptions(LanguageVersion.Latest), path: s.Key)).ToList();
            var compilation = CSharpCompilation.Create(
                "SummaryTests",
                trees,
                AnalysisReferences.Framework,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, "The test source does not compile: " + string.Join(Environment.NewLine, errors));
            var provider = new TestOptionsProvider(trees.ToDictionary(
                t => t,
                t => editorConfig is not null && editorConfig.TryGetValue(t.FilePath, out var values) ? values : new Dictionary<string, string>()));
            return new SummaryTestCompilation(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, provider));
        }

        internal static SummaryTestCompilation Create(string source) =>
            Create(new Dictionary<string, string> { ["Test.cs"] = source });

        /// <summary>The method, or a property's getter, named <paramref name="member"/> in <paramref name="type"/> (".ctor" for a constructor).</summary>
        internal IMethodSymbol Method(string type, string member)
        {
            var members = Type(type).GetMembers(member);
            return members.OfType<IMethodSymbol>().FirstOrDefault()
                ?? members.OfType<IPropertySymbol>().Select(p => p.GetMethod).FirstOrDefault()
                ?? throw new ArgumentException("No member " + type + "." + member);
        }

        /// <summary>The local function <paramref name="name"/> declared in <paramref name="type"/>.<paramref name="member"/>.</summary>
        internal IMethodSymbol LocalFunction(string type, string member, string name)
        {
            var syntax = Method(type, member).DeclaringSyntaxReferences.Single().GetSyntax();
            var semanticModel = Compilation.GetSemanticModel(syntax.SyntaxTree);
            return syntax.DescendantNodes()
                .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.LocalFunctionStatementSyntax>()
                .Select(l => (IMethodSymbol)semanticModel.GetDeclaredSymbol(l)!)
                .Single(m => m.Name == name);
        }

        internal INamedTypeSymbol Type(string metadataName) =>
            Compilation.GetTypeByMetadataName(metadataName) ?? throw new ArgumentException("No type " + metadataName);

        internal MethodSummary Summary(string type, string member) => Summaries.GetSummary(Method(type, member), CancellationToken.None);

        internal SyntaxTree Tree(string fileName) => Compilation.SyntaxTrees.Single(t => t.FilePath == fileName);

        private sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
        {
            private readonly Dictionary<SyntaxTree, IReadOnlyDictionary<string, string>> byTree;

            internal TestOptionsProvider(Dictionary<SyntaxTree, IReadOnlyDictionary<string, string>> byTree) => this.byTree = byTree;

            public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryConfigOptions(new Dictionary<string, string>());

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) =>
                new DictionaryConfigOptions(byTree.TryGetValue(tree, out var values) ? values : new Dictionary<string, string>());

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;
        }
    }
}
