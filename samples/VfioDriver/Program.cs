using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using LockOrder;
using VfioDriver;

// Runs the vfio-pci reference model under load from many threads and reports whether it stayed deadlock-free and
// kept its invariants. Exit code 0 only when there was no deadlock and no invariant violation.
DriverOptions options;
try
{
    options = DriverOptions.Parse(args);
}
catch (ArgumentException usage)
{
    Console.Error.WriteLine(usage.Message);
    return 2;
}

if (options.Validate)
{
    LockValidator.Enable();
}

var world = new DeviceWorld(devices: 3, processes: 4);
var statistics = new RunStatistics();
var slots = new List<WatchdogSlot>();
var threads = new List<Thread>();
using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(options.Seconds));
for (int i = 0; i < options.Threads; i++)
{
    var slot = new WatchdogSlot($"worker {i}");
    var worker = new Worker(world, statistics, slot, seed: 7919 * (i + 1));
    slots.Add(slot);
    threads.Add(new Thread(() => worker.Run(stop.Token)) { IsBackground = true, Name = slot.Worker });
}

Console.WriteLine(
    $"VfioDriver: {options.Threads} threads, {world.Devices.Count} devices, {world.ProcessSlots} processes, {options.Seconds:F0} s, validator {(LockValidator.IsEnabled ? "on" : "off")}");
var watchdog = new Watchdog(slots, statistics, options.StuckSeconds);
var clock = Stopwatch.StartNew();
watchdog.Start();
foreach (var thread in threads)
{
    thread.Start();
}

// Wait for every worker; one that is stuck is reported by the watchdog, and then no longer waited for.
var giveUpAt = TimeSpan.FromSeconds(options.Seconds + (3 * options.StuckSeconds) + 5);
foreach (var slot in slots)
{
    while (!slot.Finished && !slot.IsReported && clock.Elapsed < giveUpAt)
    {
        Thread.Sleep(50);
    }
}

watchdog.CheckNow();
watchdog.Stop();
clock.Stop();

if (statistics.Deadlocks == 0)
{
    // Every lock is free again: check the final state once more.
    foreach (var device in world.Devices)
    {
        foreach (var problem in device.CheckInvariants())
        {
            statistics.Violation($"at the end: {problem}");
        }
    }
}

Console.WriteLine($"ran {clock.Elapsed.TotalSeconds:F1} s");
foreach (var kind in Enum.GetValues<OperationKind>())
{
    Console.WriteLine($"  {kind,-14} {statistics.OperationsOf(kind),10}");
}

long faults = 0;
long zaps = 0;
long sigbus = 0;
foreach (var device in world.Devices)
{
    faults += device.MappedFaults;
    zaps += device.ZappedPages;
    sigbus += device.SigBusFaults;
}

Console.WriteLine(
    $"ops: {statistics.Operations}, faults: {faults}, zaps: {zaps}, sigbus: {sigbus}, busy: {statistics.Busy}, deadlocks: {statistics.Deadlocks}, invariant violations: {statistics.InvariantViolations}");
return statistics.Deadlocks == 0 && statistics.InvariantViolations == 0 ? 0 : 1;
