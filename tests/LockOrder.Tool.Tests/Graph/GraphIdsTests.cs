using System.Linq;
using LockOrder.Tool.Graph;
using Xunit;

namespace LockOrder.Tool.Tests.Graph
{
    /// <summary>Node ids for Mermaid and DOT are plain words, unique and stable, whatever the lock class is called.</summary>
    public sealed class GraphIdsTests
    {
        [Theory]
        [InlineData("LockOrder.Vfio.MemoryLock", "L_LockOrder_Vfio_MemoryLock")]
        [InlineData("Cache._sync", "L_Cache__sync")]
        [InlineData("Table<T>._buckets[]", "L_Table_T___buckets__")]
        [InlineData("lock \"name\"", "L_lock__name_")]
        [InlineData("end", "L_end")]
        [InlineData("1st", "L_1st")]
        [InlineData("Ünïcode.Lock", "L__n_code_Lock")]
        public void IdsAreLettersDigitsAndUnderscoresAfterAPrefix(string nodeId, string expected)
        {
            Assert.Equal(expected, new GraphIds(new[] { nodeId })[nodeId]);
        }

        [Fact]
        public void IdsThatComeOutTheSameAreToldApart()
        {
            var nodeIds = new[] { "A.B", "A_B", "A B", "A.B" };

            var ids = new GraphIds(nodeIds);

            Assert.Equal(new[] { "L_A_B", "L_A_B_2", "L_A_B_3" }, nodeIds.Distinct().Select(n => ids[n]));
            Assert.Equal("L_A_B", ids["A.B"]);
        }
    }
}
