using System;
using System.Collections.Generic;
using LockOrder.Vfio;

namespace VfioDriver
{
    /// <summary>
    /// The devices, the processes (address spaces) and their device mappings the workers act on. Processes exit and
    /// are replaced by new ones. The bookkeeping lists are guarded by a plain monitor that is never held across a
    /// call into the model, so it cannot take part in any lock cycle.
    /// </summary>
    internal sealed class DeviceWorld
    {
        private const int MaxMappings = 48;

        private readonly object _gate = new object();
        private readonly AddressSpace[] _processes;
        private readonly List<Vma> _mappings = new List<Vma>();
        private int _processesStarted;

        internal DeviceWorld(int devices, int processes)
        {
            var list = new PciDevice[devices];
            for (int i = 0; i < devices; i++)
            {
                list[i] = new PciDevice($"0000:00:0{i}.0", barSize: 64);
            }

            Devices = list;
            _processes = new AddressSpace[processes];
            for (int i = 0; i < processes; i++)
            {
                _processes[i] = NewProcess();
            }
        }

        internal IReadOnlyList<PciDevice> Devices { get; }

        internal int ProcessSlots => _processes.Length;

        internal PciDevice RandomDevice(Random random) => Devices[random.Next(Devices.Count)];

        internal AddressSpace RandomProcess(Random random)
        {
            lock (_gate)
            {
                return _processes[random.Next(_processes.Length)];
            }
        }

        internal Vma? RandomMapping(Random random)
        {
            lock (_gate)
            {
                return _mappings.Count == 0 ? null : _mappings[random.Next(_mappings.Count)];
            }
        }

        internal bool HasRoomForMapping()
        {
            lock (_gate)
            {
                return _mappings.Count < MaxMappings;
            }
        }

        internal void Add(Vma vma)
        {
            lock (_gate)
            {
                _mappings.Add(vma);
            }
        }

        internal void Remove(Vma vma)
        {
            lock (_gate)
            {
                _mappings.Remove(vma);
            }
        }

        /// <summary>Puts a new process in <paramref name="slot"/> and returns the one it replaces, whose mappings are forgotten.</summary>
        internal AddressSpace ReplaceProcess(int slot)
        {
            var replacement = NewProcess();
            lock (_gate)
            {
                var old = _processes[slot];
                _processes[slot] = replacement;
                _mappings.RemoveAll(vma => vma.AddressSpace == old);
                return old;
            }
        }

        private AddressSpace NewProcess() => new AddressSpace($"pid {1000 + System.Threading.Interlocked.Increment(ref _processesStarted)}");
    }
}
