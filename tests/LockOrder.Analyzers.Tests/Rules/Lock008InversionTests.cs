using System.Threading.Tasks;
using Xunit;
using static LockOrder.Analyzers.Tests.Verifiers.LockOrderVerifier;

namespace LockOrder.Analyzers.Tests.Rules
{
    /// <summary>LOCK008: classes with no declared order taken in opposite orders by different methods.</summary>
    public sealed class Lock008InversionTests
    {
        private const string Locks = @"
sealed class LockA : MutexLock { }
sealed class LockB : MutexLock { }
sealed class LockC : MutexLock { }
";

        [Fact]
        public Task UndeclaredAbbaBetweenTwoMethodsIsReportedOnce() => VerifyAsync(Locks + @"
class Service
{
    readonly LockA a = new LockA();
    readonly LockB b = new LockB();

    void First()
    {
        using (a.Lock())
        using ({|#0:b.Lock()|})
        {
        }
    }

    void Second()
    {
        using (b.Lock())
        using ({|#1:a.Lock()|})
        {
        }
    }
}",
            Diagnostic("LOCK008").WithLocation(0).WithLocation(1)
                .WithMessage("Lock-order inversion LockA → LockB → LockA: LockA → LockB in Service.First (Test0.cs:19), LockB → LockA in Service.Second (Test0.cs:27); declare the order with [AcquiredBefore] and take the locks in that order everywhere"));

        [Fact]
        public Task ThreeClassCycleThroughAHelperIsReported() => VerifyAsync(Locks + @"
class Service
{
    readonly LockA a = new LockA();
    readonly LockB b = new LockB();
    readonly LockC c = new LockC();

    void TakeC() { using (c.Lock()) { } }

    void AB() { using (a.Lock()) using ({|#0:b.Lock()|}) { } }
    void BC() { using (b.Lock()) { {|#1:TakeC()|}; } }
    void CA() { using (c.Lock()) using ({|#2:a.Lock()|}) { } }
}",
            Diagnostic("LOCK008").WithLocation(0).WithLocation(1).WithLocation(2)
                .WithMessage("Lock-order inversion LockA → LockB → LockC → LockA: LockA → LockB in Service.AB (Test0.cs:19), LockB → LockC in Service.BC via Service.TakeC → LockC.Lock (Test0.cs:20), LockC → LockA in Service.CA (Test0.cs:21); declare the order with [AcquiredBefore] and take the locks in that order everywhere"));

        [Fact]
        public Task ACycleThatOnlyALookalikeCalleeWouldCloseIsNotReported() => VerifyAsync(Locks + @"
class Quiet { public void Take() { } }
class Loud { readonly LockB b = new LockB(); public void Take() { using (b.Lock()) { } } }
class Holder { public Quiet Inner = new Quiet(); }

class Service
{
    readonly LockA a = new LockA();
    readonly LockB b = new LockB();
    readonly Holder holder = new Holder();

    // From syntax alone `holder.Inner.Take()` may be Loud.Take, so the call's bound says LockA → LockB, which with
    // BA below would be a cycle; only Quiet.Take is called, and the exact edges decide.
    void Helper() => holder.Inner.Take();
    void AThenHelper() { using (a.Lock()) { Helper(); } }
    void BA() { using (b.Lock()) using (a.Lock()) { } }
    void UseLoud() => new Loud().Take();
}");

        [Fact]
        public Task SameOrderEverywhereIsClean() => VerifyAsync(Locks + @"
class Service
{
    readonly LockA a = new LockA();
    readonly LockB b = new LockB();

    void First() { using (a.Lock()) using (b.Lock()) { } }
    void Second() { using (a.Lock()) using (b.Lock()) { } }
    void TryInverse() { using (b.Lock()) { if (a.TryEnter()) a.Exit(); } }
}");

        [Fact]
        public Task InterproceduralOptionOffStillSeesDirectEdgesButNotHelpers() => VerifyWithOptionsAsync(Locks + @"
class Service
{
    readonly LockA a = new LockA();
    readonly LockB b = new LockB();

    void TakeA() { using (a.Lock()) { } }
    void AB() { using (a.Lock()) using (b.Lock()) { } }
    void BA() { using (b.Lock()) { TakeA(); } }
}",
            "lockorder.interprocedural = false");
    }
}
