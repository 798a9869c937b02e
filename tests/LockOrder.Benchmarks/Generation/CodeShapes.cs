using System;
using System.Linq;

namespace LockOrder.Benchmarks.Generation
{
    /// <summary>The names the command line and the report give the code shapes, and what each shape is made of.</summary>
    internal static class CodeShapes
    {
        private static readonly CodeShape[] All = (CodeShape[])Enum.GetValues(typeof(CodeShape));

        internal static string Names => string.Join("|", All.Select(Name));

        internal static string Name(this CodeShape shape) => shape switch
        {
            CodeShape.LockHeavy => "lock-heavy",
            CodeShape.Ordinary => "ordinary",
            CodeShape.BclLockHeavy => "bcl-lock-heavy",
            _ => "bcl-ordinary",
        };

        /// <summary>Locks with the BCL's primitives instead of LockOrder's types.</summary>
        internal static bool IsBcl(this CodeShape shape) => shape is CodeShape.BclLockHeavy or CodeShape.BclOrdinary;

        /// <summary>Every method locks, instead of a few.</summary>
        internal static bool IsLockHeavy(this CodeShape shape) => shape is CodeShape.LockHeavy or CodeShape.BclLockHeavy;

        internal static bool TryParse(string? name, out CodeShape shape)
        {
            foreach (var candidate in All)
            {
                if (candidate.Name() == name)
                {
                    shape = candidate;
                    return true;
                }
            }

            shape = default;
            return false;
        }
    }
}
