using System;
using System.Linq;

namespace LockOrder.Benchmarks.Generation
{
    /// <summary>
    /// Writes one method body: user copies outside the locks, ordinary statements, the lock nest in declared order
    /// (with its calls that fit under the innermost lock), the remaining calls after the release.
    /// </summary>
    internal sealed class MethodBodyWriter
    {
        private readonly IndentedWriter _w;
        private readonly Random _random;
        private readonly int _module;
        private readonly MethodPlan _method;
        private readonly CodeShape _shape;
        private readonly FillerWriter _fillers;

        internal MethodBodyWriter(IndentedWriter writer, Random random, int module, MethodPlan method, CodeShape shape)
        {
            _w = writer;
            _random = random;
            _module = module;
            _method = method;
            _shape = shape;
            _fillers = new FillerWriter(writer, random, method.Index, shape.IsLockHeavy());
        }

        private bool LockHeavy => _shape == CodeShape.LockHeavy;

        internal void Write()
        {
            _w.Line($"int total = seed ^ {_random.Next(1, 10_000)};");
            if (_method.TouchesUserMemory)
            {
                // Copy in before any lock: the copy may fault, and the fault takes MmapLock.
                _w.Line("_user.CopyFromUser(scratch);");
            }

            _fillers.Write(LockHeavy ? 1 + _random.Next(2) : 3 + _random.Next(3));
            WriteCalls(CallPlacement.BeforeLocks);
            if (_method.Locks.Count > 0)
            {
                if (_method.LoopAroundLocks)
                {
                    _w.Line("for (int pass = 0; pass < scratch.Length; pass += 64)");
                    _w.Open();
                    WriteNest(0);
                    _w.Close();
                }
                else
                {
                    WriteNest(0);
                }
            }
            else if (_method.CallsHelpers)
            {
                WriteHelperCalls();
            }

            WriteCalls(CallPlacement.AfterLocks);
            _fillers.Write(LockHeavy ? _random.Next(2) : 1 + _random.Next(2));
            if (_method.TouchesUserMemory)
            {
                _w.Line("_user.CopyToUser(scratch);");
            }

            _w.Line("return total;");
        }

        private static string Field(LockKind kind) => kind switch
        {
            LockKind.Mmap => "_mmap",
            LockKind.Vma => "_vma",
            _ => "_memory",
        };

        private static string ScopeCall(DeviceLockStep step) =>
            step.Kind == LockKind.Vma ? "Lock()" : step.Exclusive ? "Write()" : "Read()";

        private static string EnterCall(DeviceLockStep step) =>
            step.Kind == LockKind.Vma ? "Enter()" : step.Exclusive ? "EnterWrite()" : "EnterRead()";

        private static string ExitCall(DeviceLockStep step) =>
            step.Kind == LockKind.Vma ? "Exit()" : step.Exclusive ? "ExitWrite()" : "ExitRead()";

        private void WriteNest(int depth)
        {
            var step = (DeviceLockStep)_method.Locks[depth];
            string field = Field(step.Kind);
            switch (step.Style)
            {
                case AcquisitionStyle.Scope:
                    _w.Line($"using ({field}.{ScopeCall(step)})");
                    _w.Open();
                    WriteSection(depth);
                    _w.Close();
                    break;
                case AcquisitionStyle.EnterTryFinally:
                    _w.Line($"{field}.{EnterCall(step)};");
                    _w.Line("try");
                    _w.Open();
                    WriteSection(depth);
                    _w.Close();
                    _w.Line("finally");
                    _w.Open();
                    _w.Line($"{field}.{ExitCall(step)};");
                    _w.Close();
                    break;
                default:
                    _w.Line($"{field}.{EnterCall(step)};");
                    WriteSection(depth);
                    _w.Line($"{field}.{ExitCall(step)};");
                    break;
            }
        }

        private void WriteSection(int depth)
        {
            var step = (DeviceLockStep)_method.Locks[depth];
            switch (step.Kind)
            {
                case LockKind.Mmap when step.Exclusive:
                    _w.Line("_mappings = total & 0xFF;");
                    break;
                case LockKind.Mmap:
                    _w.Line("total += _mappings;");
                    break;
                case LockKind.Vma:
                    _w.Line("_presentVmas++;");
                    _w.Line("total ^= _presentVmas;");
                    break;
                case LockKind.Memory when step.Exclusive:
                    _w.Line("_memoryEnabled = (total & 1) == 0;");
                    break;
                default:
                    _w.Line("if (_memoryEnabled)");
                    _w.Open();
                    _w.Line($"total += {_random.Next(1, 100)};");
                    _w.Close();
                    break;
            }

            if (depth + 1 < _method.Locks.Count)
            {
                WriteNest(depth + 1);
                return;
            }

            WriteCalls(CallPlacement.UnderLock);
            if (_method.CallsHelpers)
            {
                WriteHelperCalls();
            }

            if (_method.EarlyReturn)
            {
                _w.Line($"if (total == {_random.Next(1, 10_000)})");
                _w.Open();
                _w.Line("return total;");
                _w.Close();
            }
        }

        private void WriteHelperCalls()
        {
            _w.Line($"total += Helpers{_module}.Mix(total, {_random.Next(1, 10_000)});");
            _w.Line($"total ^= Helpers{_module}.Fold(scratch, total);");
        }

        private void WriteCalls(CallPlacement placement)
        {
            foreach (var call in _method.Calls.Where(c => c.Placement == placement))
            {
                string receiver = call.OnNextDevice ? "_next." : string.Empty;
                _w.Line($"total += {receiver}Op{call.Target.Index}(total, scratch);");
            }
        }
    }
}
