using System.Threading.Tasks;
using Xunit;
using static LockOrder.Analyzers.Tests.Verifiers.LockOrderVerifier;

namespace LockOrder.Analyzers.Tests.Rules.Bcl
{
    /// <summary>LOCK008 on the locks C# code already uses: no annotation, classes named by where the lock lives.</summary>
    public sealed class BclInversionTests
    {
        [Fact]
        public Task NestedLockStatementsInOppositeOrdersInTwoClassesAreAnInversion() => VerifyAsync(@"
class Accounts
{
    internal static readonly object Ledger = new object();
    internal static readonly object Audit = new object();

    void Post()
    {
        lock (Ledger)
        {
            lock ({|#0:Audit|})
            {
            }
        }
    }
}

class Auditor
{
    void Review()
    {
        lock (Accounts.Audit)
        {
            lock ({|#1:Accounts.Ledger|})
            {
            }
        }
    }
}",
            Diagnostic("LOCK008").WithLocation(1).WithLocation(0)
                .WithMessage("Lock-order inversion Accounts.Audit → Accounts.Ledger → Accounts.Audit: Accounts.Audit → Accounts.Ledger in Auditor.Review (Test0.cs:29), Accounts.Ledger → Accounts.Audit in Accounts.Post (Test0.cs:16); declare the order with [AcquiredBefore] and take the locks in that order everywhere"));

        [Fact]
        public Task SameOrderEverywhereIsClean() => VerifyAsync(@"
class Cache
{
    private readonly object _index = new object();
    private readonly object _entries = new object();

    void Add() { lock (_index) { lock (_entries) { } } }
    void Remove() { lock (_index) { lock (_entries) { } } }
}");
    }
}
