using System.Threading.Tasks;
using Xunit;
using static LockOrder.Analyzers.Tests.Verifiers.LockOrderVerifier;

namespace LockOrder.Analyzers.Tests.Flow
{
    /// <summary>
    /// Code being typed: the analyzer must neither throw (the test framework fails on AD0001) nor invent diagnostics
    /// from what it cannot bind, and must still report what it can see.
    /// </summary>
    public sealed class IncompleteCodeTests
    {
        [Fact]
        public Task MissingSemicolonAndBraceStillReportsTheVisibleViolation() => VerifyIncompleteAsync(@"
class Device
{
    readonly MmapLock mm = new MmapLock();
    readonly MemoryLock memory = new MemoryLock();

    void Disable()
    {
        {|LOCK005:memory.EnterWrite()|};
        {|LOCK001:mm.EnterRead()|}
        mm.ExitRead(
");

        [Fact]
        public Task UnknownMembersAndTypesAreIgnored() => VerifyIncompleteAsync(@"
class Device
{
    readonly MemoryLock memory = new MemoryLock();
    readonly Missing missing;

    void Run(UserBuffer buffer)
    {
        memory.NoSuchMethod();
        missing.Enter();
        using (memory.Read())
        {
            buffer.CopyToUser(undefined);
            new Nope().Lock();
        }
    }

    [Acquires(typeof(NotALock), LockMode.Exclusive)]
    void Broken() { }

    [Requires(typeof(MmapLock))]
    void NoMode() { }
}");

        [Fact]
        public Task MethodWithoutBodyAndDanglingUsingDoNotThrow() => VerifyIncompleteAsync(@"
class Device
{
    readonly VmaLock vma = new VmaLock();

    void Declared();

    void Dangling()
    {
        using (vma.Lock()
    }

    int Property { get { {|LOCK005:vma.Enter()|}; } }
}");
    }
}
