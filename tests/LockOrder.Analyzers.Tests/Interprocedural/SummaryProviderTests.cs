using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using LockOrder.Analyzers.Interprocedural;
using Xunit;

namespace LockOrder.Analyzers.Tests.Interprocedural
{
    /// <summary>
    /// Summaries computed from bodies: what a call may wait for or whether it may fault, seen through any number
    /// of calls — the part of the deadlock that Clang-style per-function analysis misses.
    /// </summary>
    public sealed class SummaryProviderTests
    {
        private const string Usings = "using System;\nusing System.Threading;\nusing LockOrder;\n";

        private static string[] Effects(MethodSummary summary) => summary.Effects.Select(e => e.ToString()).ToArray();

        [Fact]
        public void HelperThatCopiesFromUserMemoryMayFault()
        {
            var test = SummaryTestCompilation.Create(Usings + @"
class Helper
{
    public static void ReadFromUser(UserBuffer buffer, byte[] data) => buffer.CopyFromUser(data);
}");
            var summary = test.Summary("Helper", "ReadFromUser");

            Assert.Equal(new[] { "fault via Helper.ReadFromUser → UserBuffer.CopyFromUser" }, Effects(summary));
            Assert.False(summary.Incomplete);
            Assert.Equal(" via Helper.ReadFromUser → UserBuffer.CopyFromUser", summary.Effects[0].DescribeVia());
        }

        [Fact]
        public void FaultTwoCallsDownIsSeenWithItsPath()
        {
            var test = SummaryTestCompilation.Create(Usings + @"
class Config
{
    public void Write(UserBuffer buffer) { var data = new byte[4]; Fill(buffer, data); }
    private static void Fill(UserBuffer buffer, byte[] data) { Copy(buffer, data); }
    private static void Copy(UserBuffer buffer, byte[] data) { buffer.CopyFromUser(data); }
}");

            Assert.Equal(new[] { "fault via Config.Write → Config.Fill → Config.Copy → UserBuffer.CopyFromUser" }, Effects(test.Summary("Config", "Write")));
        }

        [Fact]
        public void HelperTakingALockMayAcquireItsClassInItsMode()
        {
            var test = SummaryTestCompilation.Create(Usings + @"
class Device
{
    private readonly VmaLock vmaLock = new VmaLock();
    private readonly MemoryLock memoryLock = new MemoryLock();
    public void RecordVma() { using (vmaLock.Lock()) { } }
    public void Disable() { memoryLock.EnterWrite(); memoryLock.ExitWrite(); }
    public void Both() { RecordVma(); Disable(); }
}");

            Assert.Equal(new[] { "acquire VmaLock (Exclusive) via Device.RecordVma → VmaLock.Lock" }, Effects(test.Summary("Device", "RecordVma")));
            Assert.Equal(new[] { "acquire MemoryLock (Exclusive) via Device.Disable → MemoryLock.EnterWrite" }, Effects(test.Summary("Device", "Disable")));
            Assert.Equal(
                new[]
                {
                    "acquire MemoryLock (Exclusive) via Device.Both → Device.Disable → MemoryLock.EnterWrite",
                    "acquire VmaLock (Exclusive) via Device.Both → Device.RecordVma → VmaLock.Lock",
                },
                Effects(test.Summary("Device", "Both")));
        }

        [Fact]
        public void TryAcquisitionsNeverBlockButKillableOnesDo()
        {
            var test = SummaryTestCompilation.Create(Usings + @"
class Device
{
    private readonly MemoryLock memoryLock = new MemoryLock();
    private readonly VmaLock vmaLock = new VmaLock();
    public bool TryRead() { if (!memoryLock.TryEnterRead()) return false; memoryLock.ExitRead(); return true; }
    public bool Killable(CancellationToken token) { if (!vmaLock.EnterKillable(token)) return false; vmaLock.Exit(); return true; }
}");

            Assert.Empty(test.Summary("Device", "TryRead").Effects);
            Assert.Equal(new[] { "acquire VmaLock (Exclusive) via Device.Killable → VmaLock.EnterKillable" }, Effects(test.Summary("Device", "Killable")));
        }

        [Fact]
        public void SharedAndExclusiveAcquisitionsOfOneClassKeepTheExclusiveOne()
        {
            var test = SummaryTestCompilation.Create(Usings + @"
class Device
{
    private readonly MemoryLock memoryLock = new MemoryLock();
    public void ReadThenWrite() { using (memoryLock.Read()) { } using (memoryLock.Write()) { } }
}");

            Assert.Equal(new[] { "acquire MemoryLock (Exclusive) via Device.ReadThenWrite → MemoryLock.Write" }, Effects(test.Summary("Device", "ReadThenWrite")));
        }

        [Fact]
        public void SelfRecursionTerminatesAndKeepsTheEffect()
        {
            var test = SummaryTestCompilation.Create(Usings + @"
class Walker
{
    public static void Walk(UserBuffer buffer, int depth)
    {
        if (depth == 0) { buffer.CopyToUser(new byte[1]); return; }
        Walk(buffer, depth - 1);
    }
}");

            var summary = test.Summary("Walker", "Walk");

            Assert.Equal(new[] { "fault via Walker.Walk → UserBuffer.CopyToUser" }, Effects(summary));
            Assert.False(summary.Incomplete);
        }

        [Fact]
        public void MutualRecursionTerminatesAndEveryMemberSeesTheEffect()
        {
            var test = SummaryTestCompilation.Create(Usings + @"
class Parser
{
    private readonly MemoryLock memoryLock = new MemoryLock();
    public void Even(UserBuffer buffer, int n) { if (n > 0) Odd(buffer, n - 1); }
    public void Odd(UserBuffer buffer, int n) { if (n > 0) Even(buffer, n - 1); else Last(buffer); }
    private void Last(UserBuffer buffer) { buffer.CopyFromUser(new byte[1]); using (memoryLock.Read()) { } }
}");

            Assert.Equal(
                new[]
                {
                    "fault via Parser.Even → Parser.Odd → Parser.Last → UserBuffer.CopyFromUser",
                    "acquire MemoryLock (Shared) via Parser.Even → Parser.Odd → Parser.Last → MemoryLock.Read",
                },
                Effects(test.Summary("Parser", "Even")));
            Assert.Equal(
                new[]
                {
                    "fault via Parser.Odd → Parser.Last → UserBuffer.CopyFromUser",
                    "acquire MemoryLock (Shared) via Parser.Odd → Parser.Last → MemoryLock.Read",
                },
                Effects(test.Summary("Parser", "Odd")));
        }

        [Fact]
        public void RecursionWithoutAnyEffectIsEmptyAndComplete()
        {
            var test = SummaryTestCompilation.Create(Usings + @"
class Loop
{
    public static int A(int n) => n == 0 ? 0 : B(n - 1);
    public static int B(int n) => n == 0 ? 1 : A(n - 1);
}");

            var summary = test.Summary("Loop", "A");

            Assert.Empty(summary.Effects);
            Assert.False(summary.Incomplete);
        }

        [Fact]
        public void LambdaCreatedInAMethodIsNotRunByIt()
        {
            var test = SummaryTestCompilation.Create(Usings + @"
class Deferred
{
    private readonly MemoryLock memoryLock = new MemoryLock();
    public Action Later(UserBuffer buffer)
    {
        Action copy = () => buffer.CopyToUser(new byte[1]);
        Func<int> locked = () => { using (memoryLock.Write()) { return 1; } };
        return copy;
    }
}");

            Assert.Empty(test.Summary("Deferred", "Later").Effects);
        }

        [Fact]
        public void LocalFunctionIsFollowedWhenCalledAndIgnoredWhenOnlyDeclared()
        {
            var test = SummaryTestCompilation.Create(Usings + @"
class Device
{
    public void Calls(UserBuffer buffer) { CopyOut(); void CopyOut() => buffer.CopyToUser(new byte[1]); }
    public Action OnlyDeclares(UserBuffer buffer) { void CopyOut() => buffer.CopyToUser(new byte[1]); return CopyOut; }
}");

            Assert.Equal(new[] { "fault via Device.Calls → Device.Calls.CopyOut → UserBuffer.CopyToUser" }, Effects(test.Summary("Device", "Calls")));
            Assert.Equal(new[] { "fault via Device.Calls.CopyOut → UserBuffer.CopyToUser" }, Effects(test.Summaries.GetSummary(test.LocalFunction("Device", "Calls", "CopyOut"), CancellationToken.None)));
            Assert.Empty(test.Summary("Device", "OnlyDeclares").Effects);
        }

        [Fact]
        public void ConstructorsAccessorsAndOperatorsAreFollowed()
        {
            var test = SummaryTestCompilation.Create(Usings + @"
class Packet
{
    private readonly UserBuffer buffer;
    public Packet(UserBuffer buffer) { this.buffer = buffer; buffer.CopyFromUser(new byte[1]); }
    public int Length { get { buffer.CopyFromUser(new byte[1]); return 1; } set { } }
    public int Flags { get => 0; set => buffer.CopyToUser(new byte[1]); }
    public static Packet operator +(Packet left, Packet right) { left.buffer.CopyToUser(new byte[1]); return left; }
}
class User
{
    public static Packet Make(UserBuffer buffer) => new Packet(buffer);
    public static int Read(Packet packet) => packet.Length;
    public static void Write(Packet packet) => packet.Flags = 1;
    public static int ReadFlags(Packet packet) => packet.Flags;
    public static Packet Add(Packet a, Packet b) => a + b;
}");

            Assert.Equal(new[] { "fault via User.Make → new Packet → UserBuffer.CopyFromUser" }, Effects(test.Summary("User", "Make")));
            Assert.Equal(new[] { "fault via User.Read → Packet.Length → UserBuffer.CopyFromUser" }, Effects(test.Summary("User", "Read")));
            Assert.Equal(new[] { "fault via User.Write → Packet.Flags (set) → UserBuffer.CopyToUser" }, Effects(test.Summary("User", "Write")));
            Assert.Empty(test.Summary("User", "ReadFlags").Effects);
            Assert.Equal(new[] { "fault via User.Add → Packet.operator + → UserBuffer.CopyToUser" }, Effects(test.Summary("User", "Add")));
        }

        [Fact]
        public void MetadataMethodsCarryOnlyTheirAnnotations()
        {
            var test = SummaryTestCompilation.Create(Usings + @"
class Caller
{
    public static void Copy(UserBuffer buffer) => buffer.CopyFromUser(new byte[1]);
    public static void Print() => Console.WriteLine(1);
}");
            var copyFromUser = test.Type("LockOrder.UserBuffer").GetMembers("CopyFromUser").OfType<Microsoft.CodeAnalysis.IMethodSymbol>().Single();
            var writeLine = test.Type("System.Console").GetMembers("WriteLine").OfType<Microsoft.CodeAnalysis.IMethodSymbol>().First();

            Assert.Equal(new[] { "fault via UserBuffer.CopyFromUser" }, Effects(test.Summaries.GetSummary(copyFromUser, CancellationToken.None)));
            Assert.Equal("", test.Summaries.GetSummary(copyFromUser, CancellationToken.None).Effects[0].DescribeVia());
            Assert.Empty(test.Summaries.GetSummary(writeLine, CancellationToken.None).Effects);
            Assert.Empty(test.Summary("Caller", "Print").Effects);
        }

        [Fact]
        public void InterfaceCallsRunTheImplementationsInSightAbstractAndUnanalyzedMembersTheirAnnotations()
        {
            var test = SummaryTestCompilation.Create(Usings + @"
sealed class BusLock : MutexLock { }
interface IDevice { void Reset(UserBuffer buffer); }
sealed class Device : IDevice
{
    public void Reset(UserBuffer buffer) => buffer.CopyToUser(new byte[1]);
}
abstract class Port
{
    [MayAcquire(typeof(BusLock), LockMode.Exclusive)]
    public abstract void Send();
}
class Unanalyzed
{
    [NoLockAnalysis]
    public static void Opaque(UserBuffer buffer) => buffer.CopyToUser(new byte[1]);

    [NoLockAnalysis, MightFault]
    public static void Declared(UserBuffer buffer) => buffer.CopyToUser(new byte[1]);
}
class Caller
{
    public static void ThroughInterface(IDevice device, UserBuffer buffer) => device.Reset(buffer);
    public static void ThroughAbstract(Port port) => port.Send();
    public static void ThroughOpaque(UserBuffer buffer) => Unanalyzed.Opaque(buffer);
    public static void ThroughDeclared(UserBuffer buffer) => Unanalyzed.Declared(buffer);
}");

            // DESIGN §14: an interface call runs any implementation the compilation has.
            Assert.Equal(new[] { "fault via Caller.ThroughInterface → IDevice.Reset → Device.Reset → UserBuffer.CopyToUser" }, Effects(test.Summary("Caller", "ThroughInterface")));
            Assert.Equal(new[] { "acquire BusLock (Exclusive) via Caller.ThroughAbstract → Port.Send" }, Effects(test.Summary("Caller", "ThroughAbstract")));
            Assert.Empty(test.Summary("Unanalyzed", "Opaque").Effects);
            Assert.Empty(test.Summary("Caller", "ThroughOpaque").Effects);
            Assert.Equal(new[] { "fault via Unanalyzed.Declared" }, Effects(test.Summary("Unanalyzed", "Declared")));
            Assert.Equal(new[] { "fault via Caller.ThroughDeclared → Unanalyzed.Declared" }, Effects(test.Summary("Caller", "ThroughDeclared")));
        }

        [Fact]
        public void VirtualMethodWithABodyIsFollowed()
        {
            var test = SummaryTestCompilation.Create(Usings + @"
class Base
{
    public virtual void Copy(UserBuffer buffer) => buffer.CopyToUser(new byte[1]);
}
class Caller
{
    public static void Run(Base target, UserBuffer buffer) => target.Copy(buffer);
}");

            Assert.Equal(new[] { "fault via Caller.Run → Base.Copy → UserBuffer.CopyToUser" }, Effects(test.Summary("Caller", "Run")));
        }

        [Fact]
        public void AcquiresContractIsTheFlowsBusinessAtTheCallButAnEffectOneCallFurtherOut()
        {
            var test = SummaryTestCompilation.Create(Usings + @"
class Device
{
    private readonly VmaLock vmaLock = new VmaLock();
    private readonly MmapLock mmapLock = new MmapLock();

    [Acquires(typeof(VmaLock), LockMode.Exclusive)]
    public void ZapAndLockVmas()
    {
        vmaLock.Enter();
        vmaLock.Exit();
        using (mmapLock.Read()) { }
        vmaLock.Enter();
    }

    public void Reset() { ZapAndLockVmas(); vmaLock.Exit(); }
}");

            // At a call to ZapAndLockVmas the flow applies [Acquires(VmaLock)] and checks its order itself; the
            // summary adds only what the contract does not say: the MmapLock taken inside.
            Assert.Equal(new[] { "acquire MmapLock (Shared) via Device.ZapAndLockVmas → MmapLock.Read" }, Effects(test.Summary("Device", "ZapAndLockVmas")));
            Assert.Equal(
                new[]
                {
                    "acquire MmapLock (Shared) via Device.Reset → Device.ZapAndLockVmas → MmapLock.Read",
                    "acquire VmaLock (Exclusive) via Device.Reset → Device.ZapAndLockVmas",
                },
                Effects(test.Summary("Device", "Reset")));
        }

        [Fact]
        public void DeclaredTryAcquisitionIsTakenAtItsWordButItsFaultsCount()
        {
            var test = SummaryTestCompilation.Create(Usings + @"
class Device
{
    private readonly VmaLock vmaLock = new VmaLock();
    private readonly MmapLock mmapLock = new MmapLock();

    [TryAcquires(typeof(VmaLock), LockMode.Exclusive)]
    public bool ZapAndLockVmas(bool tryOnly, UserBuffer log)
    {
        if (tryOnly) { if (!vmaLock.TryEnter()) return false; }
        else { vmaLock.Enter(); using (mmapLock.Read()) { } }
        log.CopyToUser(new byte[1]);
        return true;
    }

    public bool HotReset(UserBuffer log) => ZapAndLockVmas(true, log);
}");

            Assert.Equal(new[] { "fault via Device.ZapAndLockVmas → UserBuffer.CopyToUser" }, Effects(test.Summary("Device", "ZapAndLockVmas")));
            Assert.Equal(new[] { "fault via Device.HotReset → Device.ZapAndLockVmas → UserBuffer.CopyToUser" }, Effects(test.Summary("Device", "HotReset")));
        }

        [Fact]
        public void DerivedLockClassMethodTakesALockOfTheDerivedClass()
        {
            var test = SummaryTestCompilation.Create(Usings + @"
sealed class BusLock : MutexLock
{
    [Acquires(LockMode.Exclusive)]
    public void Take() { Enter(); }
}
class User
{
    private readonly BusLock bus = new BusLock();
    public void Use() { bus.Take(); bus.Exit(); }
}");

            Assert.Empty(test.Summary("BusLock", "Take").Effects);
            Assert.Equal(new[] { "acquire BusLock (Exclusive) via User.Use → BusLock.Take" }, Effects(test.Summary("User", "Use")));
        }

        [Fact]
        public void IndexersEventsAndConversionsAreFollowed()
        {
            var test = SummaryTestCompilation.Create(Usings + @"
class Window
{
    private readonly UserBuffer buffer;
    public Window(UserBuffer buffer) => this.buffer = buffer;
    public byte this[int index] { get { buffer.CopyFromUser(new byte[1]); return 0; } }
    public event Action? Changed { add => buffer.CopyToUser(new byte[1]); remove { } }
    public static implicit operator byte[](Window window) { window.buffer.CopyFromUser(new byte[1]); return new byte[1]; }
}
class User
{
    public static byte Index(Window window) => window[0];
    public static void Subscribe(Window window) => window.Changed += () => { };
    public static void Unsubscribe(Window window) => window.Changed -= () => { };
    public static byte[] Convert(Window window) => window;
}");

            Assert.Equal(new[] { "fault via User.Index → Window.this[] → UserBuffer.CopyFromUser" }, Effects(test.Summary("User", "Index")));
            Assert.Equal(new[] { "fault via User.Subscribe → Window.Changed (add) → UserBuffer.CopyToUser" }, Effects(test.Summary("User", "Subscribe")));
            Assert.Empty(test.Summary("User", "Unsubscribe").Effects);
            Assert.Equal(new[] { "fault via User.Convert → Window.operator byte[] → UserBuffer.CopyFromUser" }, Effects(test.Summary("User", "Convert")));
        }

        [Fact]
        public void MayAcquireAndMightFaultOnASourceMethodAddToItsBody()
        {
            var test = SummaryTestCompilation.Create(Usings + @"
sealed class BusLock : MutexLock { }
class Device
{
    [MayAcquire(typeof(BusLock), LockMode.Exclusive)]
    [MightFault]
    public void Reset() { }
}");

            Assert.Equal(new[] { "fault via Device.Reset", "acquire BusLock (Exclusive) via Device.Reset" }, Effects(test.Summary("Device", "Reset")));
        }

        [Fact]
        public void A_MightFault_method_is_summarized_by_its_fault_not_by_the_locks_of_the_fault_path_inside_it()
        {
            var test = SummaryTestCompilation.Create(Usings + @"
sealed class BusLock : MutexLock { }
class Window
{
    private readonly MmapLock mm = new MmapLock();
    private readonly VmaLock vma = new VmaLock();
    private readonly BusLock bus = new BusLock();

    [MightFault]
    public void Copy()
    {
        using (mm.Read()) { using (vma.Lock()) { } }
        using (bus.Lock()) { }
    }

    public void Caller() => Copy();
}");

            Assert.Equal(
                new[] { "acquire BusLock (Exclusive) via Window.Caller → Window.Copy → BusLock.Lock", "fault via Window.Caller → Window.Copy" },
                Effects(test.Summary("Window", "Caller")).OrderBy(effect => effect, StringComparer.Ordinal));
        }

        [Fact]
        public void OptionOffLeavesOnlyAnnotationsForCallersInThatFile()
        {
            const string Library = Usings + @"
class Helper
{
    public static void ReadFromUser(UserBuffer buffer) => buffer.CopyFromUser(new byte[1]);
}";
            var test = SummaryTestCompilation.Create(
                new Dictionary<string, string> { ["Library.cs"] = Library, ["Off.cs"] = "class Off { }", ["On.cs"] = "class On { }" },
                new Dictionary<string, IReadOnlyDictionary<string, string>> { ["Off.cs"] = new Dictionary<string, string> { ["lockorder.interprocedural"] = "false" } });
            var helper = test.Method("Helper", "ReadFromUser");
            var copyFromUser = test.Type("LockOrder.UserBuffer").GetMembers("CopyFromUser").OfType<Microsoft.CodeAnalysis.IMethodSymbol>().Single();

            Assert.Empty(test.Summaries.GetSummary(helper, test.Tree("Off.cs"), CancellationToken.None).Effects);
            Assert.Equal(new[] { "fault via UserBuffer.CopyFromUser" }, Effects(test.Summaries.GetSummary(copyFromUser, test.Tree("Off.cs"), CancellationToken.None)));
            Assert.Equal(new[] { "fault via Helper.ReadFromUser → UserBuffer.CopyFromUser" }, Effects(test.Summaries.GetSummary(helper, test.Tree("On.cs"), CancellationToken.None)));
        }

        [Fact]
        public void OptionAcceptsAnyCaseAndOtherValuesLeaveItOn()
        {
            const string Library = Usings + "class Helper { public static void Read(UserBuffer buffer) => buffer.CopyFromUser(new byte[1]); }";
            var test = SummaryTestCompilation.Create(
                new Dictionary<string, string> { ["Library.cs"] = Library, ["Upper.cs"] = "class Upper { }", ["True.cs"] = "class True { }" },
                new Dictionary<string, IReadOnlyDictionary<string, string>>
                {
                    ["Upper.cs"] = new Dictionary<string, string> { ["lockorder.interprocedural"] = " FALSE " },
                    ["True.cs"] = new Dictionary<string, string> { ["lockorder.interprocedural"] = "true" },
                });
            var helper = test.Method("Helper", "Read");

            Assert.Empty(test.Summaries.GetSummary(helper, test.Tree("Upper.cs"), CancellationToken.None).Effects);
            Assert.Single(test.Summaries.GetSummary(helper, test.Tree("True.cs"), CancellationToken.None).Effects);
        }

        [Fact]
        public void DeepCallChainCompletesWithoutOverflowingAndElidesTheMiddleOfThePath()
        {
            var test = SummaryTestCompilation.Create(Usings + Chain(3000));

            var summary = test.Summary("Chain", "M0");

            Assert.False(summary.Incomplete);
            var path = Assert.Single(summary.Effects).Path;
            Assert.Equal(CalleeEffect.MaxPathLength, path.Length);
            Assert.Equal("Chain.M0", path[0]);
            Assert.Equal(CalleeEffect.Elision, path[path.Length - 2]);
            Assert.Equal("UserBuffer.CopyFromUser", path[path.Length - 1]);
        }

        [Fact]
        public void CallGraphLargerThanTheBoundIsIncompleteNeverInventedAndNotCached()
        {
            int length = SummaryProvider.MaxMethodsPerComputation + 100;
            var test = SummaryTestCompilation.Create(Usings + Chain(length));

            var root = test.Summary("Chain", "M0");
            // A request that starts deep enough to reach the end within the bound completes, and caches what it saw.
            var nearTheEnd = test.Summary("Chain", "M" + (length - SummaryProvider.MaxMethodsPerComputation));
            var rootAgain = test.Summary("Chain", "M0");

            Assert.True(root.Incomplete);
            Assert.Empty(root.Effects);
            Assert.False(nearTheEnd.Incomplete);
            Assert.Single(nearTheEnd.Effects);
            Assert.Equal(CalleeEffectKind.Fault, rootAgain.Effects.Single().Kind);
        }

        [Fact]
        public void ConcurrentRequestsAgreeWithASequentialComputation()
        {
            const string Source = Usings + @"
class Device
{
    private readonly VmaLock vmaLock = new VmaLock();
    private readonly MemoryLock memoryLock = new MemoryLock();
    public void A(UserBuffer b, int n) { if (n > 0) B(b, n - 1); using (vmaLock.Lock()) { } }
    public void B(UserBuffer b, int n) { if (n > 0) C(b, n - 1); else A(b, n); }
    public void C(UserBuffer b, int n) { if (n > 0) A(b, n - 1); b.CopyFromUser(new byte[1]); using (memoryLock.Read()) { } }
    public void D(UserBuffer b) { C(b, 1); A(b, 2); }
}";
            var names = new[] { "A", "B", "C", "D" };
            var sequential = SummaryTestCompilation.Create(Source);
            var expected = names.ToDictionary(n => n, n => Effects(sequential.Summary("Device", n)));

            for (int attempt = 0; attempt < 20; attempt++)
            {
                var test = SummaryTestCompilation.Create(Source);
                var methods = names.Select(n => test.Method("Device", n)).ToArray();
                int workers = names.Length * 2;
                using var start = new Barrier(workers);
                var results = new string[workers][];
                var failures = new System.Exception?[workers];
                var threads = Enumerable.Range(0, workers).Select(i => new Thread(() =>
                {
                    try
                    {
                        // Every worker asks at the same moment, so that computations of one component overlap.
                        if (start.SignalAndWait(System.TimeSpan.FromSeconds(30)))
                        {
                            results[i] = Effects(test.Summaries.GetSummary(methods[i % names.Length], CancellationToken.None));
                        }
                    }
                    catch (System.Exception exception)
                    {
                        failures[i] = exception;
                    }
                })).ToArray();
                foreach (var thread in threads)
                {
                    thread.Start();
                }

                foreach (var thread in threads)
                {
                    Assert.True(thread.Join(System.TimeSpan.FromSeconds(30)), "deadlock detector: a summary request never finished");
                }

                for (int i = 0; i < workers; i++)
                {
                    Assert.Null(failures[i]);
                    Assert.Equal(expected[names[i % names.Length]], results[i]);
                }
            }
        }

        [Fact]
        public void CancellationIsHonored()
        {
            var test = SummaryTestCompilation.Create(Usings + Chain(50));
            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();

            Assert.ThrowsAny<System.OperationCanceledException>(() => test.Summaries.GetSummary(test.Method("Chain", "M0"), cancelled.Token));
            Assert.Single(test.Summary("Chain", "M0").Effects);
        }

        private static string Chain(int length)
        {
            var source = new StringBuilder("class Chain\n{\n");
            for (int i = 0; i < length - 1; i++)
            {
                source.Append("    public static void M").Append(i).Append("(UserBuffer b) => M").Append(i + 1).Append("(b);\n");
            }

            source.Append("    public static void M").Append(length - 1).Append("(UserBuffer b) => b.CopyFromUser(new byte[1]);\n}\n");
            return source.ToString();
        }
    }
}
