using System.Threading.Tasks;
using Xunit;
using static LockOrder.Analyzers.Tests.Verifiers.LockOrderVerifier;

namespace LockOrder.Analyzers.Tests.Rules.Bcl
{
    /// <summary>
    /// Declared order and contracts on lock members (DESIGN §13): <c>[AcquiredBefore(nameof(_index))]</c>, another type's
    /// member, a LockOrder lock type — one graph for both worlds (LOCK001, LOCK007) — member-named contracts (LOCK006,
    /// LOCK005) and annotations that name no lock (LOCK015).
    /// </summary>
    public sealed class BclDeclaredOrderTests
    {
        [Fact]
        public Task AcquisitionAgainstAnOrderDeclaredOnMembersIsLock001() => VerifyAsync(@"
class Index
{
    [AcquiredBefore(nameof(_entries))]
    private readonly object _index = new object();
    private readonly object _entries = new object();

    public void Rebuild()
    {
        lock ({|#1:_entries|})
        {
            lock ({|#0:_index|})
            {
            }
        }
    }

    public void Add()
    {
        lock (_index)
        {
            lock (_entries)
            {
            }
        }
    }
}",
            Diagnostic("LOCK001").WithLocation(0).WithLocation(1)
                .WithMessage("Blocking acquisition of 'Index._index' (Exclusive) while holding 'Index._entries' (Exclusive) breaks the declared order Index._index → Index._entries"));

        [Fact]
        public Task OrderAgainstAnotherTypesMemberAndALockTypeIsOneGraph() => VerifyAsync(@"
class Journal
{
    internal readonly object Sync = new object();
}

class Store
{
    [AcquiredBefore(typeof(Journal), nameof(Journal.Sync))]
    private readonly object _sync = new object();

    [AcquiredAfter(nameof(_sync))]
    [AcquiredBefore(typeof(VmaLock))]
    private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);

    private readonly VmaLock _vma = new VmaLock();

    public void Write(Journal journal)
    {
        lock ({|#1:journal.Sync|})
        {
            lock ({|#0:_sync|})
            {
            }
        }
    }

    public void Map()
    {
        using ({|#3:_vma.Lock()|})
        {
            {|#2:_gate.Wait()|};
            _gate.Release();
        }
    }
}",
            Diagnostic("LOCK001").WithLocation(0).WithLocation(1)
                .WithMessage("Blocking acquisition of 'Store._sync' (Exclusive) while holding 'Journal.Sync (journal.Sync)' (Exclusive) breaks the declared order Store._sync → Journal.Sync"),
            Diagnostic("LOCK001").WithLocation(2).WithLocation(3)
                .WithMessage("Blocking acquisition of 'Store._gate' (Exclusive) while holding 'VmaLock (this._vma)' (Exclusive) breaks the declared order Store._gate → VmaLock"));

        [Fact]
        public Task ADeclaredOrderThatClosesACycleAcrossMembersAndLockTypesIsLock007() => VerifyAsync(@"
[{|#0:AcquiredBefore(typeof(Gate), nameof(Gate.Sync))|}]
sealed class Outer : MutexLock { }

sealed class Gate
{
    [{|#1:AcquiredBefore(typeof(Outer))|}]
    internal readonly object Sync = new object();
}",
            Diagnostic("LOCK007").WithLocation(0).WithLocation(1)
                .WithMessage("The declared lock order is contradictory: Gate.Sync → Outer → Gate.Sync"));

        [Fact]
        public Task MemberNamedRequiresIsCheckedAtTheCallAndHeldInTheBody() => VerifyAsync(@"
class Cache
{
    private readonly object _sync = new object();
    private int _count;

    [Requires(nameof(_sync))]
    private void Bump()
    {
        _count++;
        lock (_sync)
        {
            _count++;
        }
    }

    public void Good()
    {
        lock (_sync)
        {
            Bump();
        }
    }

    public void Bad()
    {
        {|#0:Bump()|};
    }
}",
            Diagnostic("LOCK006").WithLocation(0)
                .WithMessage("Call to 'Cache.Bump' breaks its lock contract: it requires 'Cache._sync' held (Exclusive), and no 'Cache._sync' is held here"));

        [Fact]
        public Task MemberNamedExcludesIsChecked() => VerifyAsync(@"
class Cache
{
    private readonly object _sync = new object();

    [Excludes(nameof(_sync))]
    private void Load() { }

    public void Bad()
    {
        lock ({|#1:_sync|})
        {
            {|#0:Load()|};
        }
    }
}",
            Diagnostic("LOCK006").WithLocation(0).WithLocation(1)
                .WithMessage("Call to 'Cache.Load' breaks its lock contract: it must not be called with 'Cache._sync' held, and 'Cache._sync' (Exclusive) is held here"));

        [Fact]
        public Task NamesThatAreNoLockMemberAreLock015() => VerifyAsync(@"
class Index
{
    [{|#0:AcquiredBefore(""_entrie"")|}]
    private readonly object _index = new object();

    [{|#1:AcquiredBefore(nameof(_index))|}]
    private int _count;

    [{|#2:Requires(nameof(_count))|}]
    private void Bump() { }

    [{|#3:AcquiredBefore(typeof(Index))|}]
    private readonly object _entries = new object();
}",
            Diagnostic("LOCK015").WithLocation(0)
                .WithMessage("[AcquiredBefore(\"_entrie\")] does not name a lock: 'Index' has no field or property named '_entrie' (write nameof(...) so the compiler checks the name)"),
            Diagnostic("LOCK015").WithLocation(1)
                .WithMessage("[AcquiredBefore(nameof(_index))] does not name a lock: '_count' is of type 'int', which no lock statement or lock type can hold; declare the order on the member that holds the lock"),
            Diagnostic("LOCK015").WithLocation(2)
                .WithMessage("[Requires(nameof(_count))] does not name a lock: 'Index._count' is of type 'int', which no lock statement or lock type can hold"),
            Diagnostic("LOCK015").WithLocation(3)
                .WithMessage("[AcquiredBefore(typeof(Index))] does not name a lock: 'Index' is not a lock type; to order against a lock that a 'Index' holds, name its member: typeof(Index), nameof(Index.<member>)"));
    }
}
