using System;
using Xunit;

namespace LockOrder.Runtime.Tests.Validation
{
    [Collection(ValidatorCollection.Name)]
    public sealed class ValidatorSwitchTests : ValidatorTestBase
    {
        [Fact]
        public void Disabled_validator_stays_silent()
        {
            LockValidator.Disable();
            Assert.False(LockValidator.IsEnabled);
            OnFreshThread(() =>
            {
                var a = new LockA();
                var b = new LockB();
                Nest(a, b);
                Nest(b, a);

                var memory = new MemoryLock();
                var first = new DeclaredFirst();
                var third = new DeclaredThird();
                using (memory.Write())
                {
                    LockValidator.MightFault();
                }

                Nest(third, first);
            });

            Assert.Equal(0, LockValidator.ObservedOrderCount);
        }

        [Fact]
        public void Reset_forgets_observed_orders()
        {
            var a = new LockA();
            var b = new LockB();
            OnFreshThread(() => Nest(a, b));
            Assert.Equal(1, LockValidator.ObservedOrderCount);

            LockValidator.Reset();
            Assert.Equal(0, LockValidator.ObservedOrderCount);
            OnFreshThread(() => Nest(b, a));
        }

        [Fact]
        public void Enable_turns_checking_on()
        {
            LockValidator.Disable();
            LockValidator.Enable();
            Assert.True(LockValidator.IsEnabled);
            OnFreshThread(() =>
            {
                var a = new LockA();
                a.Enter();
                Violation(LockViolationKind.Recursive, a.Enter);
                a.Exit();
            });
        }

        [Fact]
        public void Hold_taken_while_disabled_is_not_an_error_when_released_while_enabled()
        {
            LockValidator.Disable();
            var a = new LockA();
            OnFreshThread(() =>
            {
                a.Enter();
                LockValidator.Enable();
                a.Exit();
                a.Enter();
                a.Exit();
            });
            Assert.False(a.IsHeld);
        }

        [Fact]
        public void Environment_variable_set_to_1_requests_validation_at_start_up()
        {
            string? saved = Environment.GetEnvironmentVariable(LockValidator.EnvironmentVariable);
            try
            {
                Environment.SetEnvironmentVariable(LockValidator.EnvironmentVariable, "1");
                Assert.True(LockValidator.IsRequestedByEnvironment());
                Environment.SetEnvironmentVariable(LockValidator.EnvironmentVariable, "0");
                Assert.False(LockValidator.IsRequestedByEnvironment());
                Environment.SetEnvironmentVariable(LockValidator.EnvironmentVariable, null);
                Assert.False(LockValidator.IsRequestedByEnvironment());
            }
            finally
            {
                Environment.SetEnvironmentVariable(LockValidator.EnvironmentVariable, saved);
            }
        }
    }
}
