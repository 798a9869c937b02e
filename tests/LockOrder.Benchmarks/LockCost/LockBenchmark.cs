using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;

namespace LockOrder.Benchmarks.LockCost
{
    /// <summary>
    /// Uncontended enter/exit of the LockOrder locks against the BCL locks they replace, on one thread, with the
    /// validator off (the cost every user pays) and on (the cost of running under lockdep). Ratios are taken on
    /// net times — the empty loop's cost subtracted — so the loop itself does not dilute a difference between locks.
    /// </summary>
    internal static class LockBenchmark
    {
        private const string RwlsRead = "ReaderWriterLockSlim read";
        private const string MemoryRead = "MemoryLock read";
        private const string ThreadingLock = "System.Threading.Lock";
        private const string Vma = "VmaLock";
        private const string EmptyLoop = "empty loop";

        // DESIGN §10, validator off.
        private const double RatioTarget = 1.2;

        internal static int Run(bool quick)
        {
            var harness = quick
                ? new LockHarness(rounds: 5, warmUp: TimeSpan.FromMilliseconds(100), roundTime: TimeSpan.FromMilliseconds(5))
                : new LockHarness(rounds: 31, warmUp: TimeSpan.FromMilliseconds(500), roundTime: TimeSpan.FromMilliseconds(40));

            if (LockValidator.IsEnabled)
            {
                Console.Error.WriteLine($"{LockValidator.EnvironmentVariable} is set: unset it, the validator-off rows must run with the validator off.");
                return 2;
            }

            var rw = new ReaderWriterLockSlim(LockRecursionPolicy.NoRecursion);
            var memory = new MemoryLock();
            var gate = new Lock();
            var vma = new VmaLock();

            Console.WriteLine($"runtime: .NET {Environment.Version}, {Environment.ProcessorCount} processors, single thread, uncontended");
            Console.WriteLine(quick ? "mode: --quick (few short rounds; the numbers only show the harness runs)" : "mode: full");
            Console.WriteLine();

            Console.Error.WriteLine("measuring with the validator off...");
            var off = harness.Measure(new[]
            {
                new LockCase(EmptyLoop, n => LockLoops.Empty(n)),
                new LockCase(RwlsRead, n => LockLoops.ReaderWriterLockSlimRead(rw, n)),
                new LockCase(MemoryRead, n => LockLoops.MemoryLockRead(memory, n)),
                new LockCase("MemoryLock read (using Read())", n => LockLoops.MemoryLockReadScope(memory, n)),
                new LockCase("ReaderWriterLockSlim write", n => LockLoops.ReaderWriterLockSlimWrite(rw, n)),
                new LockCase("MemoryLock write", n => LockLoops.MemoryLockWrite(memory, n)),
                new LockCase(ThreadingLock, n => LockLoops.ThreadingLock(gate, n)),
                new LockCase("System.Threading.Lock (EnterScope())", n => LockLoops.ThreadingLockScope(gate, n)),
                new LockCase(Vma, n => LockLoops.VmaLockEnterExit(vma, n)),
                new LockCase("VmaLock (using Lock())", n => LockLoops.VmaLockScope(vma, n)),
            });

            Console.Error.WriteLine("measuring with the validator on...");
            List<CaseResult> on;
            LockValidator.Reset();
            LockValidator.Enable();
            try
            {
                on = harness.Measure(new[]
                {
                    new LockCase(EmptyLoop, n => LockLoops.Empty(n)),
                    new LockCase(MemoryRead, n => LockLoops.MemoryLockRead(memory, n)),
                    new LockCase("MemoryLock write", n => LockLoops.MemoryLockWrite(memory, n)),
                    new LockCase(Vma, n => LockLoops.VmaLockEnterExit(vma, n)),
                    new LockCase("VmaLock (using Lock())", n => LockLoops.VmaLockScope(vma, n)),
                }).ToList();
            }
            finally
            {
                LockValidator.Disable();
                LockValidator.Reset();
            }

            rw.Dispose();
            Print(off, on, harness.Sink, quick, Console.Out);
            return 0;
        }

        private static void Print(IReadOnlyList<CaseResult> off, IReadOnlyList<CaseResult> on, long sink, bool quick, TextWriter output)
        {
            var inv = CultureInfo.InvariantCulture;
            output.WriteLine(string.Format(inv, "{0,-10} {1,-38} {2,13} {3,11} {4,11} {5,8}", "validator", "case (enter + exit, one thread)", "ns/op median", "ns/op min", "ns/op net", "rounds of"));
            PrintRows("off", off, output);
            PrintRows("on", on, output);
            output.WriteLine(string.Format(inv, "(net = median minus the empty loop's median; checksum {0})", sink & 0xFFFF));
            output.WriteLine();

            double validatorMemory = Net(on, MemoryRead) / Net(off, MemoryRead);
            double validatorVma = Net(on, Vma) / Net(off, Vma);
            output.WriteLine(string.Format(inv, "validator on / off: MemoryLock read ×{0:F1}, VmaLock ×{1:F1}", validatorMemory, validatorVma));
            output.WriteLine(string.Format(inv, "validator on: MemoryLock read / ReaderWriterLockSlim read: ratio {0:F2}", Net(on, MemoryRead) / Net(off, RwlsRead)));
            output.WriteLine(string.Format(inv, "validator on: VmaLock / System.Threading.Lock: ratio {0:F2}", Net(on, Vma) / Net(off, ThreadingLock)));
            // Cross-check for a loaded machine: the fastest round of each case is the one least disturbed by other work.
            output.WriteLine(string.Format(
                inv,
                "fastest rounds (validator off): MemoryLock read / ReaderWriterLockSlim read {0:F2}, VmaLock / System.Threading.Lock {1:F2}",
                NetMin(off, MemoryRead) / NetMin(off, RwlsRead),
                NetMin(off, Vma) / NetMin(off, ThreadingLock)));
            double r1 = Net(off, MemoryRead) / Net(off, RwlsRead);
            double r2 = Net(off, Vma) / Net(off, ThreadingLock);
            output.WriteLine(string.Format(
                inv,
                "targets (validator off) ≤ {0:F1}: MemoryLock read {1}, VmaLock {2}{3}",
                RatioTarget,
                Verdict(r1),
                Verdict(r2),
                quick ? " (--quick: rounds too few and short to judge a target; run without --quick)" : string.Empty));
            output.WriteLine(string.Format(inv, "MemoryLock read / ReaderWriterLockSlim read: ratio {0:F2}", r1));
            output.WriteLine(string.Format(inv, "VmaLock / System.Threading.Lock: ratio {0:F2}", r2));
        }

        private static string Verdict(double ratio) => ratio <= RatioTarget ? "met" : "NOT MET";

        private static void PrintRows(string validator, IReadOnlyList<CaseResult> results, TextWriter output)
        {
            double empty = Find(results, EmptyLoop).MedianNs;
            foreach (var r in results)
            {
                output.WriteLine(string.Format(
                    CultureInfo.InvariantCulture,
                    "{0,-10} {1,-38} {2,13:F2} {3,11:F2} {4,11:F2} {5,8:G3}",
                    validator,
                    r.Name,
                    r.MedianNs,
                    r.MinNs,
                    r.Name == EmptyLoop ? r.MedianNs : r.MedianNs - empty,
                    (double)r.Iterations));
            }
        }

        /// <summary>Nanoseconds of the lock operations alone: the case's median less the empty loop's.</summary>
        private static double Net(IReadOnlyList<CaseResult> results, string name) =>
            Math.Max(Find(results, name).MedianNs - Find(results, EmptyLoop).MedianNs, 0.01);

        private static double NetMin(IReadOnlyList<CaseResult> results, string name) =>
            Math.Max(Find(results, name).MinNs - Find(results, EmptyLoop).MinNs, 0.01);

        private static CaseResult Find(IReadOnlyList<CaseResult> results, string name) =>
            results.First(r => r.Name == name);
    }
}
