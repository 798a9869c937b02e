using System;
using System.Collections.Generic;
using System.Linq;

namespace LockOrder.Benchmarks.Generation
{
    /// <summary>
    /// Turns a <see cref="ModulePlan"/> of BCL locks into C# source: one file per class, holding a field for each lock
    /// its methods take, plus the module's helper class, whose <c>Record</c> takes a static lock of its own under
    /// whatever its callers hold. The code references nothing but the framework.
    /// </summary>
    internal sealed class BclModuleWriter
    {
        private readonly CodeShape _shape;
        private readonly GenerationStatistics _statistics;

        internal BclModuleWriter(CodeShape shape, GenerationStatistics statistics)
        {
            _shape = shape;
            _statistics = statistics;
        }

        private string Namespace => _shape == CodeShape.BclLockHeavy ? "Generated.Caches" : "Generated.Handlers";

        private string ClassPrefix => _shape == CodeShape.BclLockHeavy ? "Cache" : "Handler";

        /// <summary>How the report names each form: the code it stands for.</summary>
        internal static string Label(BclForm form) => form switch
        {
            BclForm.LockStatement => "lock (field)",
            BclForm.LockOnLocal => "lock (local)",
            BclForm.MonitorEnterTaken => "Monitor.Enter(o, ref taken)",
            BclForm.MonitorTryEnter => "Monitor.TryEnter(o, timeout)",
            BclForm.SemaphoreWait => "SemaphoreSlim.Wait()",
            BclForm.SemaphoreTimedWait => "SemaphoreSlim.Wait(timeout)",
            BclForm.SemaphoreWaitAsync => "await WaitAsync()",
            BclForm.ReadLock => "EnterReadLock",
            BclForm.WriteLock => "EnterWriteLock",
            BclForm.UpgradeableReadLock => "EnterUpgradeableReadLock (+ EnterWriteLock)",
            BclForm.LockScope => "Lock.EnterScope()",
            BclForm.LockEnter => "Lock.Enter()",
            BclForm.MutexWaitOne => "Mutex.WaitOne()",
            _ => "SpinLock.Enter(ref taken)",
        };

        internal IEnumerable<(SourceFile File, int Lines)> Write(ModulePlan module)
        {
            for (int c = 0; c < module.Classes.Count; c++)
            {
                var writer = new IndentedWriter();
                WriteClass(writer, module, c);
                yield return (new SourceFile($"{Namespace}/{ClassName(module, c)}.cs", writer.ToString()), writer.Lines);
            }

            var helpers = new IndentedWriter();
            WriteHelpers(helpers, module);
            _statistics.Methods += 2;
            yield return (new SourceFile($"{Namespace}/Shared{module.Index}.cs", helpers.ToString()), helpers.Lines);
        }

        private string ClassName(ModulePlan module, int c) => ClassPrefix + (module.Index * ModulePlanner.ClassesPerModule + c);

        private void WriteHeader(IndentedWriter w)
        {
            w.Line("using System;");
            w.Line("using System.Collections.Generic;");
            w.Line("using System.Threading;");
            w.Line("using System.Threading.Tasks;");
            w.Blank();
            w.Line("namespace " + Namespace);
            w.Open();
        }

        private void WriteHelpers(IndentedWriter w, ModulePlan module)
        {
            WriteHeader(w);
            w.Line($"internal static class Shared{module.Index}");
            w.Open();
            w.Line("private static readonly object s_statsLock = new object();");
            w.Line("private static readonly int[] s_stats = new int[64];");
            w.Blank();
            w.Line("public static int Mix(int a, int b)");
            w.Open();
            w.Line("int x = unchecked(a * 16777619) ^ b;");
            w.Line("return x ^ (x >> 15);");
            w.Close();
            w.Blank();
            w.Line("public static int Record(int value)");
            w.Open();
            w.Line("lock (s_statsLock)");
            w.Open();
            w.Line("s_stats[value & 63]++;");
            w.Line("return s_stats[value & 63];");
            w.Close();
            w.Close();
            w.Close();
            w.Close();
        }

        private void WriteClass(IndentedWriter w, ModulePlan module, int c)
        {
            var methods = module.Classes[c];
            var primitives = new HashSet<BclPrimitive>(methods.SelectMany(m => m.Locks).Cast<BclLockStep>().Select(step => step.Primitive));
            bool hasNext = c + 1 < module.Classes.Count;
            string name = ClassName(module, c);
            string next = hasNext ? ClassName(module, c + 1) : string.Empty;

            WriteHeader(w);
            w.Line($"public sealed class {name}");
            w.Open();
            // Each lock, and the state it guards, only where a method takes it: an unused private field is a warning.
            var state = new List<string>();
            if (primitives.Contains(BclPrimitive.StaticMonitor))
            {
                w.Line("private static readonly object s_registryLock = new object();");
                w.Line("private static readonly Dictionary<int, int> s_registry = new Dictionary<int, int>();");
                state.Add("s_registry.Count");
            }

            if (primitives.Contains(BclPrimitive.Semaphore))
            {
                w.Line("private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);");
            }

            if (primitives.Contains(BclPrimitive.Monitor))
            {
                w.Line("private readonly object _sync = new object();");
            }

            if (primitives.Contains(BclPrimitive.ReaderWriter))
            {
                w.Line("private readonly ReaderWriterLockSlim _rw = new ReaderWriterLockSlim();");
                w.Line("private readonly Dictionary<int, int> _entries = new Dictionary<int, int>();");
                state.Add("_entries.Count");
            }

            if (primitives.Contains(BclPrimitive.Lock))
            {
                w.Line("private readonly Lock _lock = new Lock();");
            }

            if (primitives.Contains(BclPrimitive.Mutex))
            {
                w.Line("private readonly Mutex _mutex = new Mutex();");
            }

            if (primitives.Contains(BclPrimitive.SpinLock))
            {
                w.Line("private SpinLock _spin = new SpinLock(false);");
            }

            if (hasNext)
            {
                w.Line($"private readonly {next} _next;");
            }

            w.Line("private readonly List<int> _history = new List<int>();");
            foreach (var (primitive, field) in new[]
            {
                (BclPrimitive.Semaphore, "_pending"),
                (BclPrimitive.Monitor, "_version"),
                (BclPrimitive.Lock, "_hits"),
                (BclPrimitive.Mutex, "_handles"),
                (BclPrimitive.SpinLock, "_spins"),
            })
            {
                if (primitives.Contains(primitive))
                {
                    w.Line($"private int {field};");
                    state.Add(field);
                }
            }

            w.Blank();
            w.Line($"public {name}({(hasNext ? next + " next" : string.Empty)})");
            w.Open();
            if (hasNext)
            {
                w.Line("_next = next;");
            }

            w.Close();
            w.Blank();
            w.Line("public int Recorded => _history.Count;");
            if (state.Count > 0)
            {
                w.Line($"public int State => {string.Join(" + ", state)};");
            }

            foreach (var method in methods)
            {
                w.Blank();
                WriteMethod(w, module, method);
            }

            w.Close();
            w.Close();
        }

        private void WriteMethod(IndentedWriter w, ModulePlan module, MethodPlan method)
        {
            _statistics.Methods++;
            _statistics.Calls += method.CallsHelpers ? 2 : method.Calls.Count;
            _statistics.CallsUnderLock += method.Calls.Count(call => call.Placement == CallPlacement.UnderLock);
            _statistics.CallsMovedOutOfLock += method.MovedCalls;
            _statistics.Acquisitions += method.Locks.Count;
            if (method.Locks.Count > 0)
            {
                _statistics.LockingMethods++;
                int innermost = 1 << method.Locks[method.Locks.Count - 1].Rank;
                _statistics.CallsReenteringHeldLock += method.Calls.Count(call => call.Placement == CallPlacement.UnderLock && (call.Target.EffectMask & innermost) != 0);
            }

            foreach (BclLockStep step in method.Locks)
            {
                _statistics.AcquisitionsByForm.TryGetValue(step.Form, out int count);
                _statistics.AcquisitionsByForm[step.Form] = count + 1;
            }

            if (method.Async)
            {
                _statistics.AsyncMethods++;
            }

            var body = new BclMethodBodyWriter(w, new Random(method.Seed), module.Index, method, _shape);
            w.Line(method.Async
                ? $"public async Task<int> Op{method.Index}Async(int seed, byte[] scratch)"
                : $"public int Op{method.Index}(int seed, byte[] scratch)");
            w.Open();
            body.Write();
            w.Close();
        }
    }
}
