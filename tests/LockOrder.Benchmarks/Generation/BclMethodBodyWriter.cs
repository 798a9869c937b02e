using System;
using System.Linq;

namespace LockOrder.Benchmarks.Generation
{
    /// <summary>
    /// Writes one method body over BCL locks: ordinary statements, the lock nest in its class's order (with its calls
    /// that fit under the innermost lock), the remaining calls after the release. Calls to async methods are awaited,
    /// and only where no thread-affine lock is held.
    /// </summary>
    internal sealed class BclMethodBodyWriter
    {
        private readonly IndentedWriter _w;
        private readonly Random _random;
        private readonly int _module;
        private readonly MethodPlan _method;
        private readonly bool _lockHeavy;
        private readonly FillerWriter _fillers;
        private int _unique;

        internal BclMethodBodyWriter(IndentedWriter writer, Random random, int module, MethodPlan method, CodeShape shape)
        {
            _w = writer;
            _random = random;
            _module = module;
            _method = method;
            _lockHeavy = shape.IsLockHeavy();
            _fillers = new FillerWriter(writer, random, method.Index, _lockHeavy);
        }

        private string Awaited => _method.ConfigureAwait ? ".ConfigureAwait(false)" : string.Empty;

        internal void Write()
        {
            _w.Line($"int total = seed ^ {_random.Next(1, 10_000)};");
            _fillers.Write(_lockHeavy ? 1 + _random.Next(2) : 3 + _random.Next(3));
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
            _fillers.Write(_lockHeavy ? _random.Next(2) : 1 + _random.Next(2));
            _w.Line("return total;");
        }

        private static string Field(BclPrimitive primitive) => primitive switch
        {
            BclPrimitive.StaticMonitor => "s_registryLock",
            BclPrimitive.Semaphore => "_gate",
            BclPrimitive.Monitor => "_sync",
            BclPrimitive.ReaderWriter => "_rw",
            BclPrimitive.Lock => "_lock",
            BclPrimitive.Mutex => "_mutex",
            _ => "_spin",
        };

        private void WriteNest(int depth)
        {
            var step = (BclLockStep)_method.Locks[depth];
            string field = Field(step.Primitive);
            int u = _unique++;
            switch (step.Form)
            {
                case BclForm.LockStatement:
                    _w.Line($"lock ({field})");
                    WriteBlock(depth);
                    break;
                case BclForm.LockOnLocal:
                    _w.Line($"object sync{u} = {field};");
                    _w.Line($"lock (sync{u})");
                    WriteBlock(depth);
                    break;
                case BclForm.MonitorEnterTaken:
                    _w.Line($"bool taken{u} = false;");
                    WriteTryFinally(depth, $"Monitor.Enter({field}, ref taken{u});", $"if (taken{u})", $"Monitor.Exit({field});");
                    break;
                case BclForm.MonitorTryEnter:
                    string timeout = _random.Next(2) == 0 ? $"{10 * (1 + _random.Next(10))}" : $"TimeSpan.FromMilliseconds({10 * (1 + _random.Next(10))})";
                    WriteChecked(depth, $"Monitor.TryEnter({field}, {timeout})", $"Monitor.Exit({field});");
                    break;
                case BclForm.SemaphoreWait:
                    _w.Line($"{field}.Wait();");
                    WriteTryFinally(depth, null, null, $"{field}.Release();");
                    break;
                case BclForm.SemaphoreTimedWait:
                    WriteChecked(depth, $"{field}.Wait({100 * (1 + _random.Next(10))})", $"{field}.Release();");
                    break;
                case BclForm.SemaphoreWaitAsync:
                    _w.Line($"await {field}.WaitAsync(){Awaited};");
                    WriteTryFinally(depth, null, null, $"{field}.Release();");
                    break;
                case BclForm.ReadLock:
                    _w.Line($"{field}.EnterReadLock();");
                    WriteTryFinally(depth, null, null, $"{field}.ExitReadLock();");
                    break;
                case BclForm.WriteLock:
                    _w.Line($"{field}.EnterWriteLock();");
                    WriteTryFinally(depth, null, null, $"{field}.ExitWriteLock();");
                    break;
                case BclForm.UpgradeableReadLock:
                    _w.Line($"{field}.EnterUpgradeableReadLock();");
                    WriteTryFinally(depth, null, null, $"{field}.ExitUpgradeableReadLock();");
                    break;
                case BclForm.LockScope:
                    _w.Line($"using ({field}.EnterScope())");
                    WriteBlock(depth);
                    break;
                case BclForm.LockEnter:
                    _w.Line($"{field}.Enter();");
                    WriteTryFinally(depth, null, null, $"{field}.Exit();");
                    break;
                case BclForm.MutexWaitOne:
                    _w.Line($"{field}.WaitOne();");
                    WriteTryFinally(depth, null, null, $"{field}.ReleaseMutex();");
                    break;
                default:
                    _w.Line($"bool spinTaken{u} = false;");
                    WriteTryFinally(depth, $"{field}.Enter(ref spinTaken{u});", $"if (spinTaken{u})", $"{field}.Exit();");
                    break;
            }
        }

        private void WriteBlock(int depth)
        {
            _w.Open();
            WriteSection(depth);
            _w.Close();
        }

        /// <param name="acquire">The acquisition inside the <c>try</c> (the <c>ref taken</c> forms), or null when it precedes it.</param>
        /// <param name="releaseIf">The condition the release is under, or null.</param>
        private void WriteTryFinally(int depth, string? acquire, string? releaseIf, string release)
        {
            _w.Line("try");
            _w.Open();
            if (acquire is not null)
            {
                _w.Line(acquire);
            }

            WriteSection(depth);
            _w.Close();
            _w.Line("finally");
            _w.Open();
            if (releaseIf is not null)
            {
                _w.Line(releaseIf);
                _w.Open();
                _w.Line(release);
                _w.Close();
            }
            else
            {
                _w.Line(release);
            }

            _w.Close();
        }

        /// <summary>A try-acquisition whose result decides: the section under the lock, or a fallback without it.</summary>
        private void WriteChecked(int depth, string tryAcquire, string release)
        {
            _w.Line($"if ({tryAcquire})");
            _w.Open();
            WriteTryFinally(depth, null, null, release);
            _w.Close();
            _w.Line("else");
            _w.Open();
            _w.Line("total = ~total;");
            _w.Close();
        }

        private void WriteSection(int depth)
        {
            var step = (BclLockStep)_method.Locks[depth];
            int u = _unique++;
            switch (step.Form)
            {
                case BclForm.ReadLock:
                    _w.Line($"if (_entries.TryGetValue(total & 255, out int cached{u}))");
                    _w.Open();
                    _w.Line($"total += cached{u};");
                    _w.Close();
                    break;
                case BclForm.WriteLock:
                    _w.Line("_entries[total & 255] = total;");
                    break;
                case BclForm.UpgradeableReadLock:
                    // The upgrade real code makes: read under the upgradeable lock, take the write lock only to change.
                    _w.Line("if (!_entries.ContainsKey(total & 255))");
                    _w.Open();
                    _w.Line("_rw.EnterWriteLock();");
                    _w.Line("try");
                    _w.Open();
                    _w.Line("_entries[total & 255] = total;");
                    _w.Close();
                    _w.Line("finally");
                    _w.Open();
                    _w.Line("_rw.ExitWriteLock();");
                    _w.Close();
                    _w.Close();
                    break;
                default:
                    WriteState(step.Primitive, u);
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

        /// <summary>What each lock guards in the generated class, read and written under it.</summary>
        private void WriteState(BclPrimitive primitive, int u)
        {
            switch (primitive)
            {
                case BclPrimitive.StaticMonitor:
                    _w.Line($"if (s_registry.TryGetValue(total & 63, out int known{u}))");
                    _w.Open();
                    _w.Line($"total ^= known{u};");
                    _w.Close();
                    _w.Line("s_registry[total & 63] = total;");
                    break;
                case BclPrimitive.Semaphore:
                    _w.Line("_pending++;");
                    _w.Line("total += _pending;");
                    break;
                case BclPrimitive.Monitor:
                    _w.Line("_version++;");
                    _w.Line("total ^= _version;");
                    break;
                case BclPrimitive.Lock:
                    _w.Line("_hits++;");
                    _w.Line("total += _hits;");
                    break;
                case BclPrimitive.Mutex:
                    _w.Line("_handles ^= total;");
                    _w.Line("total += _handles & 7;");
                    break;
                default:
                    _w.Line("_spins++;");
                    _w.Line("total -= _spins;");
                    break;
            }
        }

        private void WriteHelperCalls()
        {
            _w.Line($"total += Shared{_module}.Mix(total, {_random.Next(1, 10_000)});");
            _w.Line($"total ^= Shared{_module}.Record(total);");
        }

        private void WriteCalls(CallPlacement placement)
        {
            foreach (var call in _method.Calls.Where(c => c.Placement == placement))
            {
                string receiver = call.OnNextDevice ? "_next." : string.Empty;
                _w.Line(call.Target.Async
                    ? $"total += await {receiver}Op{call.Target.Index}Async(total, scratch){Awaited};"
                    : $"total += {receiver}Op{call.Target.Index}(total, scratch);");
            }
        }
    }
}
