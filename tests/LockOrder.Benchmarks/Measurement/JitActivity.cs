using System;
using System.Runtime;

namespace LockOrder.Benchmarks.Measurement
{
    /// <summary>
    /// The runtime's count of JIT compilations (tier-0, instrumented and tier-1 re-compilations alike) and the time
    /// spent in them, at one moment. The difference between two snapshots says whether the code in between still ran
    /// while methods were being compiled or promoted — work that is the JIT's, not the code's.
    /// </summary>
    internal readonly struct JitActivity
    {
        private JitActivity(long methods, TimeSpan time)
        {
            Methods = methods;
            Time = time;
        }

        internal long Methods { get; }

        internal TimeSpan Time { get; }

        internal static JitActivity Now() => new JitActivity(JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime());

        public static JitActivity operator -(JitActivity later, JitActivity earlier) =>
            new JitActivity(later.Methods - earlier.Methods, later.Time - earlier.Time);
    }
}
