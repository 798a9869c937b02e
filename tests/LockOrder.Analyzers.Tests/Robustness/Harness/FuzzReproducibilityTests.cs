using System;
using System.Collections.Generic;
using System.Linq;
using LockOrder.Analyzers.Tests.Robustness.Fuzzing;
using Xunit;

namespace LockOrder.Analyzers.Tests.Robustness.Harness
{
    /// <summary>
    /// A fuzz failure is only useful if the printed seed and variant index give the same text back on another run:
    /// that is how a failing variant becomes a regular test.
    /// </summary>
    public sealed class FuzzReproducibilityTests
    {
        [Fact]
        public void AVariantDependsOnlyOnTheSeedAndItsIndex()
        {
            var settings = FuzzSettings.From(_ => null);
            var corpus = SourceCorpus.All;
            Assert.NotEmpty(corpus);

            for (var index = 0; index < 50; index++)
            {
                var first = Variant(settings, index, corpus);
                var replay = Variant(FuzzSettings.From(name => name == "LOCKORDER_FUZZ_FIRST" ? index.ToString(System.Globalization.CultureInfo.InvariantCulture) : null), index, corpus);

                Assert.Equal(first.Origin.Name, replay.Origin.Name);
                Assert.Equal(first.Mutations.ToArray(), replay.Mutations.ToArray());
                Assert.Equal(first.Text, replay.Text);
            }
        }

        [Fact]
        public void VariantsDifferFromTheirOriginAndFromEachOther()
        {
            var settings = FuzzSettings.From(_ => null);
            var corpus = SourceCorpus.All;
            var variants = Enumerable.Range(0, 100).Select(index => Variant(settings, index, corpus)).ToList();

            Assert.True(variants.Count(variant => variant.Text != variant.Origin.Text) >= 90, "most mutations should change the program");
            Assert.True(variants.Select(variant => variant.Text).Distinct(StringComparer.Ordinal).Count() >= 90, "variants should rarely repeat");
        }

        [Fact]
        public void ADifferentSeedGivesDifferentVariants()
        {
            var corpus = SourceCorpus.All;
            var one = FuzzSettings.From(_ => null);
            var other = FuzzSettings.From(name => name == "LOCKORDER_FUZZ_SEED" ? "7" : null);

            Assert.Equal(7, other.Seed);
            var differing = Enumerable.Range(0, 20).Count(index => Variant(one, index, corpus).Text != Variant(other, index, corpus).Text);
            Assert.True(differing >= 15, $"only {differing} of 20 variants changed with the seed");
        }

        [Fact]
        public void SettingsComeFromTheEnvironmentWithCiDefaultsAndRejectNonsense()
        {
            var defaults = FuzzSettings.From(_ => null);
            Assert.Equal(0, defaults.First);
            Assert.True(defaults.Variants > 0);
            Assert.True(defaults.Budget > TimeSpan.Zero);

            var values = new Dictionary<string, string>
            {
                ["LOCKORDER_FUZZ_SEED"] = "42",
                ["LOCKORDER_FUZZ_FIRST"] = "17",
                ["LOCKORDER_FUZZ_VARIANTS"] = "1",
                ["LOCKORDER_FUZZ_SECONDS"] = "5",
                ["LOCKORDER_FUZZ_BOUND_SECONDS"] = "3",
            };
            var replay = FuzzSettings.From(name => values.TryGetValue(name, out var value) ? value : null);
            Assert.Equal((42, 17, 1, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(3)), (replay.Seed, replay.First, replay.Variants, replay.Budget, replay.VariantBound));

            Assert.Throws<FormatException>(() => FuzzSettings.From(name => name == "LOCKORDER_FUZZ_VARIANTS" ? "many" : null));
        }

        private static MutatedSource Variant(FuzzSettings settings, int index, IReadOnlyList<CorpusEntry> corpus) =>
            SourceMutator.Variant(settings, index, corpus);
    }
}
