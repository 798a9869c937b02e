using System;
using LockOrder.Runtime.Tests.Support;
using Xunit;

namespace LockOrder.Runtime.Tests.Validation
{
    /// <summary>Starts each test with the validator on and nothing observed, and leaves it off and empty.</summary>
    public abstract class ValidatorTestBase : IDisposable
    {
        protected ValidatorTestBase()
        {
            LockValidator.Reset();
            LockValidator.Enable();
        }

        public void Dispose()
        {
            LockValidator.Disable();
            LockValidator.Reset();
        }

        /// <summary>Runs a scenario on a fresh thread (so it starts holding nothing) and fails rather than hang.</summary>
        protected static void OnFreshThread(Action scenario) => Concurrently.OnOtherThread(scenario);

        protected static LockOrderViolationException Violation(LockViolationKind kind, Action acquisition)
        {
            var violation = Assert.Throws<LockOrderViolationException>(acquisition);
            Assert.Equal(kind, violation.Kind);
            return violation;
        }

        /// <summary>Takes <paramref name="first"/> then <paramref name="second"/> (blocking) and releases both: teaches the validator first → second.</summary>
        protected static void Nest(MutexLock first, MutexLock second)
        {
            using (first.Lock())
            using (second.Lock())
            {
            }
        }
    }
}
