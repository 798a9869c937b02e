using Xunit;

namespace LockOrder.Tool.Tests.Infrastructure
{
    /// <summary>
    /// The tests that start the tool share the sample copies and run one at a time: each run loads an MSBuild workspace
    /// and compiles a project, and several at once would only compete for the same cores.
    /// </summary>
    [CollectionDefinition(Name)]
    public sealed class ToolCollection : ICollectionFixture<SampleProjects>
    {
        internal const string Name = "lockorder process";
    }
}
