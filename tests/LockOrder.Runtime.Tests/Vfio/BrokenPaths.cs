using System;
using System.Collections.Generic;
using System.Threading;
using LockOrder.Runtime.Tests.Validation;
using LockOrder.Vfio;

namespace LockOrder.Runtime.Tests.Vfio
{
    /// <summary>
    /// The broken variants of the device paths that DESIGN §1 tells the story of — each one a design vfio-pci had,
    /// or nearly had. They live in test code only, to show that breaking the rules really deadlocks in the model and
    /// that the validator catches each one before it blocks. The waits that close each cycle are killable so a test
    /// can unwind the deadlock it provoked; the hooks let a test stop a path at the point where the cycle forms.
    /// </summary>
    [NoLockAnalysis]
    internal static class BrokenPaths
    {
        /// <summary>
        /// The first design's memory disable: take <see cref="MemoryLock"/> for write, then zap — which needs each
        /// address space's <see cref="MmapLock"/>, ordered before it. ABBA with a fault that holds
        /// <see cref="MmapLock"/> and waits for <see cref="MemoryLock"/> (a queued <see cref="MmapLock"/> writer makes
        /// the read-read pair block).
        /// </summary>
        /// <returns><see langword="false"/> when <paramref name="kill"/> ended a wait; memory is then left on.</returns>
        internal static bool FirstDesignDisable(PciDevice device, IReadOnlyList<AddressSpace> spaces, CancellationToken kill, Action? whileMemoryWriteLocked = null)
        {
            device.MemoryLock.EnterWrite();
            try
            {
                whileMemoryWriteLocked?.Invoke();
                foreach (var space in spaces)
                {
                    if (!space.MmapLock.EnterReadKillable(kill))
                    {
                        return false;
                    }

                    try
                    {
                        if (!device.VmaLock.EnterKillable(kill))
                        {
                            return false;
                        }

                        try
                        {
                            device.ZapAddressSpaceLocked(space);
                        }
                        finally
                        {
                            device.VmaLock.Exit();
                        }
                    }
                    finally
                    {
                        space.MmapLock.ExitRead();
                    }
                }

                device.WriteCommandLocked((ushort)(device.Command & ~PciDevice.CommandMemoryEnable));
                return true;
            }
            finally
            {
                device.MemoryLock.ExitWrite();
            }
        }

        /// <summary>
        /// The naive zap: hold <see cref="VmaLock"/> across the walk and take each <see cref="MmapLock"/> under it,
        /// instead of dropping and retaking it. ABBA with a fault, which holds <see cref="MmapLock"/> and waits for
        /// <see cref="VmaLock"/>.
        /// </summary>
        /// <returns><see langword="false"/> when <paramref name="kill"/> ended a wait.</returns>
        internal static bool NaiveZap(PciDevice device, IReadOnlyList<AddressSpace> spaces, CancellationToken kill, Action? whileVmaLocked = null)
        {
            device.VmaLock.Enter();
            try
            {
                whileVmaLocked?.Invoke();
                foreach (var space in spaces)
                {
                    if (!space.MmapLock.EnterReadKillable(kill))
                    {
                        return false;
                    }

                    try
                    {
                        device.ZapAddressSpaceLocked(space);
                    }
                    finally
                    {
                        space.MmapLock.ExitRead();
                    }
                }

                return true;
            }
            finally
            {
                device.VmaLock.Exit();
            }
        }

        /// <summary>
        /// The BAR read that shipped in 2020: <see cref="MemoryLock"/> held for read across the copy to user memory.
        /// With the buffer in a mapping of the same BAR the copy faults, the fault takes <see cref="MemoryLock"/> for
        /// read again, and with a writer queued in between the fair semaphore makes it wait for that writer — which
        /// waits for the first read.
        /// </summary>
        internal static BarAccessResult RecursiveReadBar(PciDevice device, int offset, UserBuffer destination, CancellationToken kill, Action? whileReadLocked = null)
        {
            device.MemoryLock.EnterRead();
            try
            {
                var data = new byte[destination.Length];
                if (!device.ReadBarLocked(offset, data))
                {
                    return BarAccessResult.MemoryDisabled;
                }

                whileReadLocked?.Invoke();
                return destination.TryCopyToUser(data, kill) ? BarAccessResult.Completed : BarAccessResult.UserFault;
            }
            finally
            {
                device.MemoryLock.ExitRead();
            }
        }

        /// <summary>
        /// A command-register write that copies the new value in from user memory after it has zapped and
        /// write-locked <see cref="MemoryLock"/>: the copy can fault, and the fault needs <see cref="MemoryLock"/> for
        /// read (or, through <see cref="MmapLock"/>, waits on a thread that does).
        /// </summary>
        internal static ConfigAccessResult CopyUnderWriteLock(PciDevice device, UserBuffer source, CancellationToken kill, Action? whileMemoryWriteLocked = null)
        {
            device.ZapAndWriteLockMemory();
            try
            {
                whileMemoryWriteLocked?.Invoke();
                var value = new byte[2];
                if (!source.TryCopyFromUser(value, kill))
                {
                    return ConfigAccessResult.UserFault;
                }

                device.WriteCommandLocked((ushort)(value[0] | (value[1] << 8)));
                return ConfigAccessResult.Completed;
            }
            finally
            {
                device.MemoryLock.ExitWrite();
            }
        }

        /// <summary>
        /// One half of the four-lock cycle lockdep found in 2024: a bus reset that takes the bus lock while it holds
        /// <see cref="MemoryLock"/> for write (memory lock → bus lock). Fine on its own.
        /// </summary>
        internal static void BusResetUnderMemoryLock(PciDevice device, BusLock bus)
        {
            device.ZapAndWriteLockMemory();
            try
            {
                using (bus.Lock())
                {
                    // The bus reset itself: nothing here touches user memory.
                }
            }
            finally
            {
                device.MemoryLock.ExitWrite();
            }
        }

        /// <summary>
        /// The other half: a callback run under the bus lock (for every device on the bus) that copies its result to
        /// user memory right there (bus lock → MmapLock). With the fault (MmapLock → VmaLock) and the command write
        /// (VmaLock → MemoryLock) it closes MmapLock → VmaLock → MemoryLock → bus lock → MmapLock. The fix fills a
        /// local buffer under the lock and copies it out after.
        /// </summary>
        internal static bool ReportBusDevicesUnderBusLock(BusLock bus, UserBuffer destination)
        {
            using (bus.Lock())
            {
                return destination.TryCopyToUser(new byte[] { 1 });
            }
        }
    }
}
