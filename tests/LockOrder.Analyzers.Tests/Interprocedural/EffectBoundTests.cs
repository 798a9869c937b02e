using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using LockOrder.Analyzers.Interprocedural;
using Xunit;

namespace LockOrder.Analyzers.Tests.Interprocedural
{
    /// <summary>
    /// A call under a lock is settled without its callee's summary when the syntactic bound on the callee's effects
    /// shows nothing could be reported. A bound that left out a lock class would silently drop a LOCK001, so: the bound
    /// must name the class of every lock a callee's calls wait for — explicit or the receiver's — and must be absent
    /// wherever the syntax does not say which class that is, or where the summary could stop at one of its bounds.
    /// (Every program of the repository is checked the same way in <see cref="SyntacticEffectScreenTests"/>.)
    /// </summary>
    public sealed class EffectBoundTests
    {
        private const string Usings = "using System;\nusing LockOrder;\n";

        [Fact]
        public void TheBoundNamesTheLockClassOfEveryReceiverAndEveryFault()
        {
            var test = SummaryTestCompilation.Create(Usings + @"
sealed class BusLock : MutexLock
{
    public void Reset() { Enter(); Exit(); }
}

class Device
{
    readonly VmaLock vma = new VmaLock();
    readonly MemoryLock memory = new MemoryLock();
    readonly BusLock bus = new BusLock();
    readonly UserBuffer user = null!;

    void Map() { using (vma.Lock()) { } }
    void Peek() { using (this.memory.Read()) { } }
    void Reset() => bus.Reset();
    void Copy() => user.CopyFromUser(new byte[1]);
    public void All() { Map(); Peek(); Reset(); Copy(); }
}");
            var all = test.Method("Device", "All");
            var bound = new SyntacticEffectScreen(test.Model).Bound(all, CancellationToken.None);

            Assert.NotNull(bound);
            // Enter() inside BusLock is called on `this`: the lock it takes is a BusLock, not a MutexLock.
            Assert.Equal(new[] { "BusLock", "MemoryLock", "VmaLock" }, bound!.LockClasses.Select(c => c.Display).OrderBy(n => n).ToArray());
            Assert.True(bound.MayFault);
            Assert.Null(SyntacticEffectScreenTests.Uncovered(bound, test.Summary("Device", "All")));
        }

        [Fact]
        public void ACalleeThatTakesNoLockAndCannotFaultHasAnEmptyBound()
        {
            var test = SummaryTestCompilation.Create(Usings + @"
class Device
{
    int count;
    void Count() => count++;
    public void Top() { Count(); Console.WriteLine(count); }
}");
            var bound = new SyntacticEffectScreen(test.Model).Bound(test.Method("Device", "Top"), CancellationToken.None);

            Assert.NotNull(bound);
            Assert.Empty(bound!.LockClasses);
            Assert.False(bound.MayFault);
        }

        /// <summary>(name, the subject's declaration) where <c>Subject.Target</c> takes a lock on a receiver whose class the syntax does not give.</summary>
        public static IEnumerable<object[]> ReceiversWhoseClassTheSyntaxDoesNotGive() => new[]
        {
            new object[] { "a member of a member", "class Holder { public VmaLock Vma = new VmaLock(); } class Subject { Holder h = new Holder(); public void Target() { using (h.Vma.Lock()) { } } }" },
            new object[] { "a method's result", "class Subject { VmaLock vma = new VmaLock(); VmaLock Get() => vma; public void Target() { using (Get().Lock()) { } } }" },
            new object[] { "a local", "class Subject { public void Target() { var vma = new VmaLock(); vma.Enter(); vma.Exit(); } }" },
            new object[] { "a conditional access", "class Subject { VmaLock? vma = new VmaLock(); public void Target() { vma?.Enter(); vma?.Exit(); } }" },
            new object[] { "a type parameter's value", "class Subject { public void Target() => Take(new VmaLock()); void Take<T>(T lk) where T : MutexLock { using (lk.Lock()) { } } }" },
            new object[] { "a generic lock class", "sealed class Keyed<T> : MutexLock { } class Subject { Keyed<int> k = new Keyed<int>(); public void Target() { using (k.Lock()) { } } }" },
            new object[] { "a cast", "class Subject { VmaLock vma = new VmaLock(); public void Target() { using (((MutexLock)vma).Lock()) { } } }" },
        };

        [Theory]
        [MemberData(nameof(ReceiversWhoseClassTheSyntaxDoesNotGive))]
        public void AReceiverWhoseClassTheSyntaxDoesNotGiveLeavesNoBound(string way, string subject)
        {
            var test = SummaryTestCompilation.Create(Usings + subject);
            var target = test.Method("Subject", "Target");

            Assert.True(test.Summary("Subject", "Target").Effects.Length > 0, $"{way}: the case must really take a lock");
            Assert.Null(new SyntacticEffectScreen(test.Model).Bound(target, CancellationToken.None));
        }

        [Fact]
        public void ARecursiveGroupAsLargeAsTheSummaryFixpointRoundsLeavesNoBound()
        {
            int rounds = SummaryProvider.MaxFixpointIterations;
            var test = SummaryTestCompilation.Create(Usings + Ring("Large", rounds) + Ring("Small", rounds - 1));
            var screen = new SyntacticEffectScreen(test.Model);

            Assert.Null(screen.Bound(test.Method("Large", "M0"), CancellationToken.None));
            var small = screen.Bound(test.Method("Small", "M0"), CancellationToken.None);
            Assert.NotNull(small);
            Assert.Equal("VmaLock", Assert.Single(small!.LockClasses).Display);
        }

        [Fact]
        public void MoreMembersThanAProofMayVisitLeaveNoBound()
        {
            int length = SyntacticEffectScreen.MaxMethodsPerProof + 10;
            var source = new StringBuilder("class Chain\n{\n    static readonly VmaLock Vma = new VmaLock();\n");
            for (int i = 0; i < length - 1; i++)
            {
                source.Append("    public static void M").Append(i).Append("() => M").Append(i + 1).Append("();\n");
            }

            source.Append("    public static void M").Append(length - 1).Append("() => Vma.Enter();\n}\n");
            var test = SummaryTestCompilation.Create(Usings + source);
            var screen = new SyntacticEffectScreen(test.Model);

            Assert.Null(screen.Bound(test.Method("Chain", "M0"), CancellationToken.None));
            // From here the proof visits exactly as many members as it may: the rest of the chain and MutexLock.Enter.
            var nearTheEnd = screen.Bound(test.Method("Chain", "M" + (length - SyntacticEffectScreen.MaxMethodsPerProof + 1)), CancellationToken.None);
            Assert.Equal("VmaLock", Assert.Single(nearTheEnd!.LockClasses).Display);
        }

        /// <summary><paramref name="size"/> methods that call each other in a ring; the first also takes a <c>VmaLock</c>.</summary>
        private static string Ring(string name, int size)
        {
            var source = new StringBuilder("class ").Append(name).Append("\n{\n    readonly VmaLock vma = new VmaLock();\n");
            source.Append("    public void M0() { using (vma.Lock()) { } M1(); }\n");
            for (int i = 1; i < size; i++)
            {
                source.Append("    public void M").Append(i).Append("() => M").Append((i + 1) % size).Append("();\n");
            }

            return source.Append("}\n").ToString();
        }
    }
}
