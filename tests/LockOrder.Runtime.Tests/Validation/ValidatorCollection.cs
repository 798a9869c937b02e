using Xunit;

namespace LockOrder.Runtime.Tests.Validation
{
    /// <summary>
    /// Every test that turns the validator on shares its global state (on/off, observed orders), so they all run in
    /// this collection, which xunit runs alone, after the parallel tests.
    /// </summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class ValidatorCollection
    {
        /// <summary>The collection name: put <c>[Collection(ValidatorCollection.Name)]</c> on any test class that enables the validator.</summary>
        public const string Name = "LockValidator";
    }
}
