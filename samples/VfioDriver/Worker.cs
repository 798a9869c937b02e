using System;
using System.Collections.Generic;
using System.Threading;
using LockOrder;
using LockOrder.Vfio;

namespace VfioDriver
{
    /// <summary>
    /// One thread of load: picks an operation, runs it through the model's public paths, then checks every device's
    /// invariants. Every path here takes its locks the way DESIGN §1 says; the analyzer checks that it does.
    /// </summary>
    internal sealed class Worker
    {
        private static readonly (OperationKind Kind, int Weight)[] Mix =
        {
            (OperationKind.TouchMapping, 20),
            (OperationKind.FaultDirectly, 8),
            (OperationKind.ReadBar, 16),
            (OperationKind.WriteBar, 10),
            (OperationKind.ReadConfig, 6),
            (OperationKind.DisableMemory, 5),
            (OperationKind.EnableMemory, 7),
            (OperationKind.MemoryWindow, 4),
            (OperationKind.Reset, 3),
            (OperationKind.HotReset, 3),
            (OperationKind.Mmap, 10),
            (OperationKind.Munmap, 4),
            (OperationKind.ExitProcess, 1),
        };

        private readonly DeviceWorld _world;
        private readonly RunStatistics _statistics;
        private readonly WatchdogSlot _slot;
        private readonly Random _random;
        private readonly int _totalWeight;

        internal Worker(DeviceWorld world, RunStatistics statistics, WatchdogSlot slot, int seed)
        {
            _world = world;
            _statistics = statistics;
            _slot = slot;
            _random = new Random(seed);
            foreach (var (_, weight) in Mix)
            {
                _totalWeight += weight;
            }
        }

        internal void Run(CancellationToken stop)
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    var kind = Pick();
                    _slot.Begin(kind);
                    try
                    {
                        Execute(kind);
                    }
                    catch (LockOrderViolationException violation)
                    {
                        _statistics.Violation($"{_slot.Worker} {kind}: the validator reported {violation.Kind}:{Environment.NewLine}{violation.Message}");
                    }

                    CheckInvariants(kind);
                    _slot.End();
                    _statistics.Completed(kind);
                }
            }
            catch (Exception unexpected)
            {
                _statistics.Violation($"{_slot.Worker}: unexpected {unexpected}");
            }
            finally
            {
                _slot.Finish();
            }
        }

        private OperationKind Pick()
        {
            int roll = _random.Next(_totalWeight);
            foreach (var (kind, weight) in Mix)
            {
                roll -= weight;
                if (roll < 0)
                {
                    return kind;
                }
            }

            return Mix[0].Kind;
        }

        private void Execute(OperationKind kind)
        {
            switch (kind)
            {
                case OperationKind.TouchMapping:
                    TouchMapping();
                    break;
                case OperationKind.FaultDirectly:
                    FaultDirectly();
                    break;
                case OperationKind.ReadBar:
                    ReadBar();
                    break;
                case OperationKind.WriteBar:
                    WriteBar();
                    break;
                case OperationKind.ReadConfig:
                    ReadConfig();
                    break;
                case OperationKind.DisableMemory:
                    WriteCommand(0x0004);
                    break;
                case OperationKind.EnableMemory:
                    WriteCommand(PciDevice.CommandMemoryEnable | 0x0004);
                    break;
                case OperationKind.MemoryWindow:
                    MemoryWindow();
                    break;
                case OperationKind.Reset:
                    _world.RandomDevice(_random).Reset();
                    break;
                case OperationKind.HotReset:
                    HotReset();
                    break;
                case OperationKind.Mmap:
                    Mmap();
                    break;
                case OperationKind.Munmap:
                    Munmap();
                    break;
                case OperationKind.ExitProcess:
                    _world.ReplaceProcess(_random.Next(_world.ProcessSlots)).Exit();
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
            }
        }

        // A user access to a mapping: faults the page in if it is not present; EFAULT when the device's memory is off.
        private void TouchMapping()
        {
            var vma = _world.RandomMapping(_random);
            if (vma is null)
            {
                return;
            }

            var word = new byte[8];
            var buffer = vma.Buffer(_random.Next(vma.Length / 8) * 8, 8);
            if (_random.Next(2) == 0)
            {
                buffer.TryCopyFromUser(word);
            }
            else
            {
                _random.NextBytes(word);
                buffer.TryCopyToUser(word);
            }
        }

        // The memory manager's side: the fault handler entered with MmapLock held for read.
        private void FaultDirectly()
        {
            var vma = _world.RandomMapping(_random);
            if (vma is null)
            {
                return;
            }

            using (vma.AddressSpace.MmapLock.Read())
            {
                if (vma.IsMapped)
                {
                    vma.Device.Fault(vma);
                }
            }
        }

        private void ReadBar()
        {
            var device = _world.RandomDevice(_random);
            int length = 1 + _random.Next(24);
            var destination = UserBufferOf(length);
            device.ReadBar(_random.Next(device.BarSize - length + 1), destination);
        }

        private void WriteBar()
        {
            var device = _world.RandomDevice(_random);
            int length = 1 + _random.Next(24);
            var source = UserBufferOf(length);
            device.WriteBar(_random.Next(device.BarSize - length + 1), source);
        }

        private void ReadConfig()
        {
            var device = _world.RandomDevice(_random);
            device.ReadConfig(0, UserBufferOf(8));
        }

        private void WriteCommand(ushort command)
        {
            var device = _world.RandomDevice(_random);
            var source = _world.RandomProcess(_random).Allocate(2);
            if (source.TryCopyToUser(new[] { (byte)(command & 0xFF), (byte)(command >> 8) }))
            {
                device.WriteConfig(PciDevice.CommandRegisterOffset, source);
            }
        }

        // A device-internal access that needs memory on whatever user space set (e.g. the MSI-X table).
        private void MemoryWindow()
        {
            var device = _world.RandomDevice(_random);
            var word = new byte[4];
            ushort saved = device.LockMemoryAndEnable();
            try
            {
                device.ReadBarLocked(0, word);
            }
            finally
            {
                device.UnlockMemoryAndRestore(saved);
            }
        }

        private void HotReset()
        {
            var devices = new List<PciDevice>(_world.Devices);
            for (int i = devices.Count - 1; i > 0; i--)
            {
                int j = _random.Next(i + 1);
                (devices[i], devices[j]) = (devices[j], devices[i]);
            }

            devices.RemoveRange(0, _random.Next(devices.Count - 1));
            if (PciDevice.HotReset(devices) == HotResetResult.Busy)
            {
                _statistics.HotResetBusy();
            }
        }

        private void Mmap()
        {
            if (!_world.HasRoomForMapping())
            {
                Munmap();
                return;
            }

            var vma = _world.RandomDevice(_random).Mmap(_world.RandomProcess(_random));
            if (vma != null)
            {
                _world.Add(vma);
            }
        }

        private void Munmap()
        {
            var vma = _world.RandomMapping(_random);
            if (vma is null)
            {
                return;
            }

            _world.Remove(vma);
            vma.Unmap();
        }

        // Half the buffers are ordinary memory, half lie in some device mapping — often of the device being accessed.
        private UserBuffer UserBufferOf(int length)
        {
            var vma = _random.Next(2) == 0 ? _world.RandomMapping(_random) : null;
            if (vma is null)
            {
                return _world.RandomProcess(_random).Allocate(length);
            }

            return vma.Buffer(_random.Next(vma.Length - length + 1), length);
        }

        private void CheckInvariants(OperationKind after)
        {
            foreach (var device in _world.Devices)
            {
                foreach (var problem in device.CheckInvariants())
                {
                    _statistics.Violation($"{_slot.Worker} after {after}: {problem}");
                }
            }
        }
    }
}
