using System;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace LockOrder.Runtime.Tests.Support
{
    /// <summary>
    /// Thread helpers for lock tests. Locks are owned by threads, so every actor runs on its own dedicated thread;
    /// every wait has a generous deadline that only a deadlock would reach.
    /// </summary>
    internal static class Concurrently
    {
        internal static readonly TimeSpan DeadlockTimeout = TimeSpan.FromSeconds(20);

        /// <summary>Runs <paramref name="action"/> on a new dedicated thread.</summary>
        internal static Task Start(Action action) =>
            Task.Factory.StartNew(action, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        /// <summary>Runs <paramref name="function"/> on a new dedicated thread.</summary>
        internal static Task<T> Start<T>(Func<T> function) =>
            Task.Factory.StartNew(function, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        /// <summary>Runs <paramref name="action"/> on another thread and waits for it: for code that must not run on the holder's thread.</summary>
        internal static void OnOtherThread(Action action) => Finish(Start(action), "the other thread");

        /// <summary>Runs <paramref name="function"/> on another thread and returns its result.</summary>
        internal static T OnOtherThread<T>(Func<T> function)
        {
            var task = Start(function);
            Finish(task, "the other thread");
            return task.Result;
        }

        /// <summary>Waits for <paramref name="task"/>, failing (instead of hanging) if it deadlocked.</summary>
        internal static void Finish(Task task, string what)
        {
            Assert.True(task.Wait(DeadlockTimeout), $"{what} did not finish: deadlock");
        }

        /// <summary>Waits for <paramref name="task"/> and returns its result, failing (instead of hanging) if it deadlocked.</summary>
        internal static T ResultOf<T>(Task<T> task, string what)
        {
            Finish(task, what);
            return task.Result;
        }

        /// <summary>Waits until <paramref name="condition"/> holds, e.g. until a thread is seen queued on a lock.</summary>
        internal static void WaitUntil(Func<bool> condition, string what)
        {
            Assert.True(SpinWait.SpinUntil(condition, DeadlockTimeout), $"timed out waiting until {what}");
        }

        /// <summary>Waits for <paramref name="signal"/>, failing (instead of hanging) if it never comes.</summary>
        internal static void WaitFor(ManualResetEventSlim signal, string what)
        {
            Assert.True(signal.Wait(DeadlockTimeout), $"timed out waiting for {what}");
        }
    }
}
