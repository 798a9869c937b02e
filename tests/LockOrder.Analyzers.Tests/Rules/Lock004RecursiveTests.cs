using System.Threading.Tasks;
using Xunit;
using static LockOrder.Analyzers.Tests.Verifiers.LockOrderVerifier;

namespace LockOrder.Analyzers.Tests.Rules
{
    /// <summary>LOCK004: a blocking acquisition of a lock class already held (same instance, or another instance).</summary>
    public sealed class Lock004RecursiveTests
    {
        private const string Devices = @"
class Device
{
    public readonly VmaLock Vma = new VmaLock();
    public readonly MemoryLock Memory = new MemoryLock();
}
";

        [Fact]
        public Task TwoInstancesOfOneClassTakenBlockingAreReported() => VerifyAsync(Devices + @"
class HotReset
{
    void Reset(Device first, Device second)
    {
        using ({|#1:first.Vma.Lock()|})
        using ({|#0:second.Vma.Lock()|})
        {
        }
    }
}",
            Diagnostic("LOCK004").WithLocation(0).WithLocation(1)
                .WithMessage("Blocking acquisition of 'second.Vma' (Exclusive) while 'first.Vma' of the same class 'VmaLock' is held (Exclusive): two instances of one lock class have no order between them, so two threads taking them in opposite orders deadlock; take the second with a try-acquisition and back off on failure"));

        [Fact]
        public Task TwoInstancesWithATryAcquisitionAreClean() => VerifyAsync(Devices + @"
class HotReset
{
    bool Reset(Device first, Device second)
    {
        using (first.Vma.Lock())
        {
            if (!second.Vma.TryEnter())
            {
                return false;
            }

            second.Vma.Exit();
            return true;
        }
    }
}");

        [Fact]
        public Task SameInstanceTwiceIsReported() => VerifyAsync(Devices + @"
class Twice
{
    void Run(Device device)
    {
        device.Memory.EnterRead();
        {|LOCK004:device.Memory.EnterRead()|};
        device.Memory.ExitRead();
        device.Memory.ExitRead();
    }
}");

        [Fact]
        public Task HelperTakingAHeldClassIsReportedAtTheCall() => VerifyAsync(Devices + @"
class Twice
{
    static void Record(Device device) { using (device.Vma.Lock()) { } }

    void Run(Device device)
    {
        using (device.Vma.Lock())
        {
            {|LOCK004:Record(device)|};
        }
    }
}");

        [Fact]
        public Task TouchingUserMemoryWhileHoldingMmapLockIsARecursiveRead() => VerifyAsync(@"
class Space
{
    readonly MmapLock mm = new MmapLock();

    void Copy(UserBuffer buffer, byte[] data)
    {
        using (mm.Read())
        {
            {|LOCK004:buffer.CopyFromUser(data)|};
        }
    }
}");
    }
}
