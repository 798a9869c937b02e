using System.Text;

namespace LockOrder.Analyzers.Tests.Robustness.Pathological
{
    /// <summary>
    /// Generators for inputs no one writes by hand but an analyzer meets anyway (generated code, a bad merge, a
    /// stress test): each is valid C# against the real runtime unless stated, and marks every diagnostic it must
    /// produce with a comment <c>/*LOCKnnn*/</c> at the start of the offending line.
    /// </summary>
    internal static class PathologicalSources
    {
        private const string Header = """
            using System;
            using LockOrder;

            """;

        /// <summary>
        /// One method of <paramref name="statements"/> statements: rounds of in-order acquisitions and releases,
        /// scopes, try-acquisitions and user copies outside every lock — then one copy under the write lock.
        /// </summary>
        internal static string HugeMethod(int statements, string methodName = "Run")
        {
            var text = new StringBuilder(Header);
            text.AppendLine("public sealed class Huge");
            text.AppendLine("{");
            AppendDeviceFields(text);
            text.AppendLine($"    public void {methodName}(UserBuffer buffer)");
            text.AppendLine("    {");
            for (var written = 0; written + 10 <= statements - 3; written += 10)
            {
                text.AppendLine("        mmapLock.EnterRead();");
                text.AppendLine("        vmaLock.Enter();");
                text.AppendLine("        memoryLock.EnterRead();");
                text.AppendLine($"        counter += {written};");
                text.AppendLine("        memoryLock.ExitRead();");
                text.AppendLine("        vmaLock.Exit();");
                text.AppendLine("        mmapLock.ExitRead();");
                text.AppendLine("        using (memoryLock.Write()) { counter--; }");
                text.AppendLine("        buffer.CopyToUser(default);");
                text.AppendLine("        if (vmaLock.TryEnter()) { vmaLock.Exit(); }");
            }

            text.AppendLine("        memoryLock.EnterWrite();");
            text.AppendLine("/*LOCK002*/ buffer.CopyFromUser(default);");
            text.AppendLine("        memoryLock.ExitWrite();");
            text.AppendLine("    }");
            text.AppendLine("}");
            return text.ToString();
        }

        /// <summary>
        /// <paramref name="depth"/> nested <c>using</c> scopes over as many lock classes declared in a chain, in order;
        /// innermost, a user copy under the memory write lock.
        /// </summary>
        internal static string NestedUsings(int depth)
        {
            var text = new StringBuilder(Header);
            for (var level = 0; level < depth; level++)
            {
                var order = level + 1 < depth ? $"[AcquiredBefore(typeof(Level{level + 1}))] " : string.Empty;
                text.AppendLine($"{order}public sealed class Level{level} : MutexLock {{ }}");
            }

            text.AppendLine("public sealed class Nested");
            text.AppendLine("{");
            for (var level = 0; level < depth; level++)
            {
                text.AppendLine($"    private readonly Level{level} level{level} = new Level{level}();");
            }

            text.AppendLine("    private readonly MemoryLock memoryLock = new MemoryLock();");
            text.AppendLine("    public void Run(UserBuffer buffer)");
            text.AppendLine("    {");
            for (var level = 0; level < depth; level++)
            {
                text.AppendLine($"using (level{level}.Lock()) {{");
            }

            text.AppendLine("memoryLock.EnterWrite();");
            text.AppendLine("/*LOCK002*/ buffer.CopyFromUser(default);");
            text.AppendLine("memoryLock.ExitWrite();");
            text.Append('}', depth).AppendLine();
            text.AppendLine("    }");
            text.AppendLine("}");
            return text.ToString();
        }

        /// <summary>
        /// A loop whose body, under the memory read lock, makes <paramref name="tries"/> try-acquisitions — many against
        /// the order, which try-acquisitions may be — in every shape the analysis tracks; after the loop, one naive zap.
        /// </summary>
        internal static string LoopOfTryAcquisitions(int tries)
        {
            var text = new StringBuilder(Header);
            text.AppendLine("public sealed class Spinner");
            text.AppendLine("{");
            AppendDeviceFields(text);
            text.AppendLine("    private readonly MemoryLock otherMemoryLock = new MemoryLock();");
            text.AppendLine("    public void Spin(int rounds)");
            text.AppendLine("    {");
            text.AppendLine("        for (var round = 0; round < rounds; round++)");
            text.AppendLine("        {");
            text.AppendLine("            memoryLock.EnterRead();");
            for (var attempt = 0; attempt < tries; attempt++)
            {
                switch (attempt % 4)
                {
                    case 0:
                        text.AppendLine($"            if (vmaLock.TryEnter()) {{ counter += {attempt}; vmaLock.Exit(); }}");
                        break;
                    case 1:
                        text.AppendLine($"            if (mmapLock.TryEnterRead()) {{ counter += {attempt}; mmapLock.ExitRead(); }}");
                        break;
                    case 2:
                        text.AppendLine($"            var taken{attempt} = otherMemoryLock.TryEnterWrite();");
                        text.AppendLine($"            if (taken{attempt}) {{ counter += {attempt}; otherMemoryLock.ExitWrite(); }}");
                        break;
                    default:
                        text.AppendLine("            if (!vmaLock.TryEnter()) { memoryLock.ExitRead(); continue; }");
                        text.AppendLine("            vmaLock.Exit();");
                        break;
                }
            }

            text.AppendLine("            memoryLock.ExitRead();");
            text.AppendLine("        }");
            text.AppendLine("        vmaLock.Enter();");
            text.AppendLine("/*LOCK001*/ mmapLock.EnterRead();");
            text.AppendLine("        mmapLock.ExitRead();");
            text.AppendLine("        vmaLock.Exit();");
            text.AppendLine("    }");
            text.AppendLine("}");
            return text.ToString();
        }

        /// <summary>
        /// <paramref name="methods"/> methods calling each other in one cycle, one of them touching user memory; the
        /// cycle is entered under the memory write lock, so the fault is reachable through a call chain half the cycle long.
        /// </summary>
        internal static string CallCycle(int methods)
        {
            var text = new StringBuilder(Header);
            text.AppendLine("public sealed class Cycle");
            text.AppendLine("{");
            text.AppendLine("    private readonly MemoryLock memoryLock = new MemoryLock();");
            text.AppendLine("    private UserBuffer buffer = null!;");
            text.AppendLine("    private int depth;");
            text.AppendLine("    public void Enter()");
            text.AppendLine("    {");
            text.AppendLine("        memoryLock.EnterWrite();");
            text.AppendLine("/*LOCK002*/ Step0();");
            text.AppendLine("        memoryLock.ExitWrite();");
            text.AppendLine("    }");
            for (var method = 0; method < methods; method++)
            {
                var next = (method + 1) % methods;
                var touch = method == methods / 2 ? " buffer.CopyFromUser(default);" : string.Empty;
                text.AppendLine($"    private void Step{method}() {{ if (--depth > 0) {{ Step{next}(); }}{touch} }}");
            }

            text.AppendLine("}");
            return text.ToString();
        }

        /// <summary>A switch of <paramref name="cases"/> cases, each with its own lock shape; the last takes two locks against the order.</summary>
        internal static string HugeSwitch(int cases)
        {
            var text = new StringBuilder(Header);
            text.AppendLine("public sealed class Dispatcher");
            text.AppendLine("{");
            AppendDeviceFields(text);
            text.AppendLine("    public void Dispatch(int command, UserBuffer buffer)");
            text.AppendLine("    {");
            text.AppendLine("        switch (command)");
            text.AppendLine("        {");
            for (var label = 0; label < cases - 1; label++)
            {
                var body = (label % 5) switch
                {
                    0 => $"using (memoryLock.Read()) {{ counter += {label}; }}",
                    1 => $"vmaLock.Enter(); counter += {label}; vmaLock.Exit();",
                    2 => "buffer.CopyToUser(default);",
                    3 => "if (memoryLock.TryEnterWrite()) { counter--; memoryLock.ExitWrite(); }",
                    _ => "using (mmapLock.Read()) { using (vmaLock.Lock()) { counter++; } }",
                };
                text.AppendLine($"            case {label}: {body} break;");
            }

            text.AppendLine($"            case {cases - 1}:");
            text.AppendLine("                memoryLock.EnterWrite();");
            text.AppendLine("/*LOCK001*/ vmaLock.Enter();");
            text.AppendLine("                vmaLock.Exit();");
            text.AppendLine("                memoryLock.ExitWrite();");
            text.AppendLine("                break;");
            text.AppendLine("            default: return;");
            text.AppendLine("        }");
            text.AppendLine("    }");
            text.AppendLine("}");
            return text.ToString();
        }

        /// <summary>
        /// A file of at least <paramref name="lines"/> lines: many small devices, each with a correct fault path, a
        /// copy-in-then-lock path through a helper and an in-order zap; the last device copies under its write lock.
        /// </summary>
        internal static string HugeFile(int lines)
        {
            const int LinesPerDevice = 50;
            var text = new StringBuilder(Header);
            var devices = (lines + LinesPerDevice - 1) / LinesPerDevice;
            for (var device = 0; device < devices; device++)
            {
                text.AppendLine($"public sealed class Device{device}");
                text.AppendLine("{");
                text.AppendLine("    private readonly VmaLock vmaLock = new VmaLock();");
                text.AppendLine("    private readonly MemoryLock memoryLock = new MemoryLock();");
                text.AppendLine("    private int state;");
                text.AppendLine();
                text.AppendLine("    [Requires(typeof(MmapLock), LockMode.Shared)]");
                text.AppendLine("    public void Fault()");
                text.AppendLine("    {");
                text.AppendLine("        using (vmaLock.Lock())");
                text.AppendLine("        {");
                text.AppendLine("            using (memoryLock.Read())");
                text.AppendLine("            {");
                text.AppendLine($"                state += {device};");
                text.AppendLine("            }");
                text.AppendLine("        }");
                text.AppendLine("    }");
                text.AppendLine();
                text.AppendLine("    public void Copy(UserBuffer buffer)");
                text.AppendLine("    {");
                text.AppendLine("        var data = new byte[4];");
                text.AppendLine("        buffer.CopyFromUser(data);");
                text.AppendLine("        Store(data);");
                text.AppendLine("    }");
                text.AppendLine();
                text.AppendLine("    private void Store(byte[] data)");
                text.AppendLine("    {");
                text.AppendLine("        memoryLock.EnterWrite();");
                text.AppendLine("        state = data[0];");
                text.AppendLine("        memoryLock.ExitWrite();");
                text.AppendLine("    }");
                text.AppendLine();
                text.AppendLine("    public void Zap(MmapLock mmapLock)");
                text.AppendLine("    {");
                text.AppendLine("        mmapLock.EnterRead();");
                text.AppendLine("        vmaLock.Enter();");
                text.AppendLine("        state = 0;");
                text.AppendLine("        vmaLock.Exit();");
                text.AppendLine("        mmapLock.ExitRead();");
                text.AppendLine("    }");
                text.AppendLine();
                text.AppendLine("    public void Publish(UserBuffer buffer)");
                text.AppendLine("    {");
                text.AppendLine("        var data = new byte[] { (byte)state };");
                text.AppendLine("        memoryLock.EnterWrite();");
                text.AppendLine(device == devices - 1 ? "/*LOCK002*/ buffer.CopyToUser(data);" : "        memoryLock.ExitWrite();");
                text.AppendLine(device == devices - 1 ? "        memoryLock.ExitWrite();" : "        buffer.CopyToUser(data);");
                text.AppendLine("    }");
                text.AppendLine("}");
                text.AppendLine();
            }

            return text.ToString();
        }

        /// <summary>
        /// Annotations naming types that do not exist (the file does not compile), used at call sites, next to one
        /// real violation (in <c>RealViolation</c>) the analysis must still find.
        /// </summary>
        internal static string AnnotationsNamingMissingTypes() => Header + """
            [AcquiredBefore(typeof(DoesNotExist))] public sealed class Ghost : MutexLock { }
            [AcquiredAfter(typeof(AlsoMissing), typeof(VmaLock))] public sealed class Phantom : MutexLock { }
            [AcquiredBefore(typeof(Missing.Nested<int>), typeof(global::Nowhere.Lock))] public sealed class Shade : RwSemaphore { }
            [AcquiredBefore(typeof(Ghost))] public sealed class Spirit : UnknownBase { }

            public sealed class UsesMissingTypes
            {
                private readonly Ghost ghost = new Ghost();
                private readonly Phantom phantom = new Phantom();
                private readonly VmaLock vmaLock = new VmaLock();
                private readonly MemoryLock memoryLock = new MemoryLock();
                private readonly Spirit spirit = new Spirit();

                [Requires(typeof(Missing), LockMode.Shared)] private void NeedsMissing() { }
                [Excludes(typeof(Missing))] private void ExcludesMissing() { }
                [Acquires(typeof(Missing), LockMode.Exclusive)] private void AcquiresMissing() { }
                [Releases(typeof(Missing), LockMode.Exclusive)] private void ReleasesMissing() { }
                [MayAcquire(typeof(Missing), LockMode.Shared)] private void MayAcquireMissing() { }
                [TryAcquires(typeof(Missing), LockMode.Shared)] private bool TryAcquiresMissing() => true;
                [Acquires(typeof(Missing), LockMode.Missing)] private void MissingMode() { }
                [MissingAttribute(typeof(VmaLock))] [Acquires(typeof(Missing<>), LockMode.Shared)] private void MissingGeneric() { }

                public void Run(UserBuffer buffer, Missing unknown)
                {
                    NeedsMissing();
                    ExcludesMissing();
                    AcquiresMissing();
                    ReleasesMissing();
                    MayAcquireMissing();
                    if (TryAcquiresMissing()) { ReleasesMissing(); }
                    MissingMode();
                    MissingGeneric();
                    unknown.Enter();
                    unknown.Exit();
                    using (ghost.Lock()) { using (phantom.Lock()) { } }
                    using (vmaLock.Lock()) { using (phantom.Lock()) { } }
                    spirit.Enter();
                    spirit.Exit();
                    UndefinedMethod(buffer);
                }
            }

            public sealed class RealViolation
            {
                private readonly MemoryLock memoryLock = new MemoryLock();

                public void Run(UserBuffer buffer)
                {
                    memoryLock.EnterWrite();
            /*LOCK002*/ buffer.CopyFromUser(default);
                    memoryLock.ExitWrite();
                }
            }
            """;

        /// <summary>
        /// Annotations whose arguments have the wrong type, are null, out of range, or on the wrong kind of declaration
        /// (some compile, some do not), used at call sites, next to one real violation (in <c>RealViolation</c>) the
        /// analysis must still find.
        /// </summary>
        internal static string AnnotationsWithWrongArguments() => Header + """
            [AcquiredBefore("VmaLock")] public sealed class NamedByString : MutexLock { }
            [AcquiredBefore(typeof(int))] public sealed class BeforeAnInt : MutexLock { }
            [AcquiredBefore(null)] public sealed class BeforeNull : MutexLock { }
            [AcquiredBefore(null, null)] public sealed class BeforeNulls : MutexLock { }
            [AcquiredBefore(typeof(System.Collections.Generic.List<>))] public sealed class BeforeOpenGeneric : MutexLock { }
            [AcquiredBefore(typeof(VmaLock[]))] public sealed class BeforeArray : MutexLock { }
            [AcquiredBefore(typeof(MutexLock))] public sealed class BeforeAbstract : MutexLock { }
            [AcquiredAfter(42)] public sealed class AfterNumber : RwSemaphore { }
            [AcquiredBefore(new[] { typeof(VmaLock) }, typeof(MemoryLock))] public sealed class BeforeBoth : MutexLock { }
            [AcquiredBefore(typeof(MemoryLock))] public struct NotALock { }
            [AcquiredBefore(typeof(MemoryLock))] public interface ILockish { }

            public interface IWeirdContracts
            {
                [Acquires(typeof(VmaLock), (LockMode)(-1))] void Take();
                [Releases(typeof(VmaLock), (LockMode)(-1))] void Give();
                [TryAcquires(typeof(MemoryLock), (LockMode)5, Blocking = true)] bool TryTake();
                [MayAcquire(null, LockMode.Shared)] void Maybe();
                [Acquires(typeof(IWeirdContracts), LockMode.Exclusive)] void TakeSelf();
                [Releases(typeof(IWeirdContracts), LockMode.Exclusive)] void GiveSelf();
            }

            public sealed class WrongArguments
            {
                private readonly VmaLock vmaLock = new VmaLock();
                private readonly MemoryLock memoryLock = new MemoryLock();
                private readonly NamedByString named = new NamedByString();
                private readonly BeforeAnInt beforeInt = new BeforeAnInt();
                private readonly BeforeNull beforeNull = new BeforeNull();
                private readonly BeforeOpenGeneric beforeOpen = new BeforeOpenGeneric();
                private readonly AfterNumber afterNumber = new AfterNumber();

                [Acquires(42)] private void AcquiresNumber() { }
                [Acquires(typeof(VmaLock), "Exclusive")] private void AcquiresModeString() { }
                [Acquires((LockMode)7)] private void AcquiresModeOutOfRange() { }
                [Acquires(typeof(VmaLock), (LockMode)(-1))] private void AcquiresVmaNegativeMode() { }
                [Releases(typeof(VmaLock), (LockMode)(-1))] private void ReleasesVmaNegativeMode() { }
                [TryAcquires(LockMode.Shared, Blocking = 1)] private bool TryBlockingNumber() => true;
                [TryAcquires(typeof(VmaLock), LockMode.Exclusive)] private void TryAcquiresReturningVoid() { }
                [TryAcquires(typeof(VmaLock), LockMode.Exclusive)] private int TryAcquiresReturningInt() => 1;
                [Requires(null, LockMode.Shared)] private void RequiresNull() { }
                [Requires(typeof(string), LockMode.Shared)] private void RequiresString() { }
                [Excludes(null)] private void ExcludesNull() { }
                [MayAcquire(typeof(string), LockMode.Shared)] private void MayAcquireString() { }
                [MayAcquire(typeof(VmaLock), (LockMode)99)] private void MayAcquireVmaBadMode() { }
                [Acquires(LockMode.Exclusive)] private static void AcquiresWithoutReceiver() { }
                [Releases] private void ReleasesNothing() { }
                [MightFault(true)] private void FaultsWithArgument() { }
                [NoLockAnalysis(1)] private void SkippedWithArgument() { }
                [AcquiredBefore(typeof(VmaLock))] private void OrderOnAMethod() { }
                [Acquires(typeof(VmaLock), LockMode.Exclusive)] [Releases(typeof(VmaLock), LockMode.Exclusive)] private void BothContracts() { }

                public void Run(UserBuffer buffer, IWeirdContracts weird)
                {
                    weird.Take();
                    weird.Give();
                    if (weird.TryTake()) { }
                    weird.Maybe();
                    weird.TakeSelf();
                    weird.GiveSelf();
                    AcquiresNumber();
                    AcquiresModeString();
                    AcquiresModeOutOfRange();
                    if (TryBlockingNumber()) { }
                    TryAcquiresReturningVoid();
                    _ = TryAcquiresReturningInt();
                    RequiresNull();
                    RequiresString();
                    ExcludesNull();
                    MayAcquireString();
                    AcquiresWithoutReceiver();
                    ReleasesNothing();
                    FaultsWithArgument();
                    SkippedWithArgument();
                    OrderOnAMethod();
                    BothContracts();
                    using (named.Lock()) { using (beforeInt.Lock()) { using (beforeNull.Lock()) { using (beforeOpen.Lock()) { } } } }
                    using (afterNumber.Write()) { }
                }
            }

            public sealed class RealViolation
            {
                private readonly MemoryLock memoryLock = new MemoryLock();

                public void Run(UserBuffer buffer)
                {
                    memoryLock.EnterWrite();
            /*LOCK002*/ buffer.CopyFromUser(default);
                    memoryLock.ExitWrite();
                }
            }
            """;

        private static void AppendDeviceFields(StringBuilder text)
        {
            text.AppendLine("    private readonly MmapLock mmapLock = new MmapLock();");
            text.AppendLine("    private readonly VmaLock vmaLock = new VmaLock();");
            text.AppendLine("    private readonly MemoryLock memoryLock = new MemoryLock();");
            text.AppendLine("    private int counter;");
        }
    }
}
