using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Tests.Robustness.Cancellation
{
    /// <summary>
    /// Records every invocation of the analyzer actions a <see cref="TrackingAnalysisContext"/> wrapped, and knows
    /// when none is running. The driver abandons an action that ignores cancellation (the analysis call returns at
    /// once while the action keeps burning a thread), so only the actions themselves can show that cancellation is
    /// honored.
    /// </summary>
    internal sealed class ActionTracker : IDisposable
    {
        private readonly object gate = new object();
        private readonly List<TrackedExecution> executions = new List<TrackedExecution>();
        private readonly ManualResetEventSlim idle = new ManualResetEventSlim(initialState: true);
        private int running;

        /// <summary>Called as an action is invoked, before it runs: (kind, symbol).</summary>
        internal Action<string, ISymbol?>? Starting { get; set; }

        internal IReadOnlyList<TrackedExecution> Executions
        {
            get
            {
                lock (gate)
                {
                    return executions.ToArray();
                }
            }
        }

        /// <summary>Waits until no wrapped action is running; false if some still is after <paramref name="timeout"/>.</summary>
        internal bool WaitUntilIdle(TimeSpan timeout) => idle.Wait(timeout);

        internal void Run(string kind, ISymbol? symbol, CancellationToken cancellationToken, Action action)
        {
            Starting?.Invoke(kind, symbol);
            var cancelledAtStart = cancellationToken.IsCancellationRequested;
            lock (gate)
            {
                running++;
                idle.Reset();
            }

            var outcome = "returned";
            var stopwatch = Stopwatch.StartNew();
            try
            {
                action();
            }
            catch (OperationCanceledException)
            {
                outcome = "cancelled";
                throw;
            }
            catch (Exception exception)
            {
                outcome = "threw " + exception.GetType().Name;
                throw;
            }
            finally
            {
                lock (gate)
                {
                    executions.Add(new TrackedExecution(kind, symbol?.ToDisplayString(), cancelledAtStart, outcome, stopwatch.Elapsed));
                    if (--running == 0)
                    {
                        idle.Set();
                    }
                }
            }
        }

        public void Dispose() => idle.Dispose();
    }
}
