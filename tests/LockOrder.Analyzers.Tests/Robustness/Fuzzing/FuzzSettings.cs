using System;
using System.Globalization;

namespace LockOrder.Analyzers.Tests.Robustness.Fuzzing
{
    /// <summary>
    /// How much fuzzing a run does, from environment variables so CI stays bounded and a developer can run longer or
    /// replay one failing variant:
    /// <list type="bullet">
    /// <item><c>LOCKORDER_FUZZ_SEED</c> (default 20261125) — the seed; variant <c>i</c> depends only on the seed, <c>i</c> and the corpus.</item>
    /// <item><c>LOCKORDER_FUZZ_FIRST</c> (default 0) — the first variant index (replay: set it to the failing index).</item>
    /// <item><c>LOCKORDER_FUZZ_VARIANTS</c> (default 2000) — at most this many variants.</item>
    /// <item><c>LOCKORDER_FUZZ_SECONDS</c> (default 150) — stop starting new variants after this long, so CI on a slow or
    /// busy machine stays within a few minutes (each variant still depends only on the seed and its index).</item>
    /// <item><c>LOCKORDER_FUZZ_BOUND_SECONDS</c> (default 30, a hang detector that a busy CI machine must not trip) — a variant whose analysis or fixes take longer fails.</item>
    /// </list>
    /// </summary>
    internal sealed class FuzzSettings
    {
        private FuzzSettings(int seed, int first, int variants, TimeSpan budget, TimeSpan variantBound)
        {
            Seed = seed;
            First = first;
            Variants = variants;
            Budget = budget;
            VariantBound = variantBound;
        }

        internal int Seed { get; }

        internal int First { get; }

        internal int Variants { get; }

        internal TimeSpan Budget { get; }

        internal TimeSpan VariantBound { get; }

        internal static FuzzSettings FromEnvironment() => From(Environment.GetEnvironmentVariable);

        /// <summary>The settings <paramref name="variable"/> (an environment lookup) gives.</summary>
        internal static FuzzSettings From(Func<string, string?> variable) =>
            new FuzzSettings(
                Read(variable, "LOCKORDER_FUZZ_SEED", 20261125),
                Read(variable, "LOCKORDER_FUZZ_FIRST", 0),
                Read(variable, "LOCKORDER_FUZZ_VARIANTS", 2000),
                TimeSpan.FromSeconds(Read(variable, "LOCKORDER_FUZZ_SECONDS", 150)),
                TimeSpan.FromSeconds(Read(variable, "LOCKORDER_FUZZ_BOUND_SECONDS", 30)));

        /// <summary>The random source of variant <paramref name="index"/>: independent of every other variant.</summary>
        internal Random RandomFor(int index) => new Random(unchecked((Seed * 1_000_003) ^ (index * -1_640_531_535)));

        public override string ToString() =>
            $"seed {Seed}, variants {First}..{First + Variants - 1}, budget {Budget.TotalSeconds:F0} s, bound {VariantBound.TotalSeconds:F0} s per variant";

        private static int Read(Func<string, string?> variable, string name, int fallback)
        {
            var value = variable(name);
            if (string.IsNullOrWhiteSpace(value))
            {
                return fallback;
            }

            return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed >= 0
                ? parsed
                : throw new FormatException($"{name}={value} is not a non-negative integer");
        }
    }
}
