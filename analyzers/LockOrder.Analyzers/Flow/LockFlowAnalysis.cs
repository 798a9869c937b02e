using System.Collections.Generic;
using LockOrder.Analyzers.Model;
using LockOrder.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockOrder.Analyzers.Flow
{
    /// <summary>
    /// The forward dataflow of the held lock set over one body's control-flow graph: the exact analysis, for the
    /// bodies the structured fast path (<see cref="StructuredLockFlow"/>) does not settle. Operations are applied,
    /// and the rules checked, by <see cref="LockTransfer"/>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// A body with a loop is analyzed in two phases: first the states are solved to a fixpoint without reporting
    /// anything (a loop's first visit sees only some of the paths, and a diagnostic from it could be wrong); then
    /// every reachable block is replayed once with its final state, and the rules report. A body without a backward
    /// branch needs no fixpoint: in ordinal order each block is visited once, after all its predecessors, so that
    /// single pass reports. Finally regions are run as sub-analyses for each state a branch
    /// brings into them (memoized), so that a lock released in a finally block is released on exactly the paths that
    /// run it. Catch handlers start from the state at the entry of their try region. Exceptional exits are not
    /// returns: a lock still held when an exception propagates is not a leak of this method.
    /// </para>
    /// <para>
    /// Bounds: each block is visited at most <see cref="MaxVisitsPerBlock"/> times per run, and the held set has at
    /// most <see cref="LockState.MaxHeldLocks"/> locks. Past the first bound the body reports only LOCK011.
    /// </para>
    /// </remarks>
    internal sealed class LockFlowAnalysis
    {
        internal const int MaxVisitsPerBlock = 64;

        private readonly LockTransfer transfer;
        private readonly ControlFlowGraph graph;
        private readonly Dictionary<(ControlFlowRegion Region, LockState State), LockState?> finallyResults = new Dictionary<(ControlFlowRegion, LockState), LockState?>();
        private readonly HashSet<(ControlFlowRegion Region, LockState State)> reportedFinally = new HashSet<(ControlFlowRegion, LockState)>();
        private bool? acyclic;

        private LockFlowAnalysis(FlowContext context, ControlFlowGraph graph, GraphIndex index, IMethodSymbol? owner, Location ownerLocation)
        {
            this.graph = graph;
            transfer = new LockTransfer(context, owner, ownerLocation, new ValueOrigins(graph.OriginalOperation, index.ResolveCapture, context.Model.Getters));
        }

        /// <summary>Analyzes <paramref name="graph"/>, the body of <paramref name="owner"/>, and reports into the context's sink.</summary>
        internal static void Run(FlowContext context, ControlFlowGraph graph, GraphIndex index, IMethodSymbol? owner, Location ownerLocation)
        {
            var analysis = new LockFlowAnalysis(context, graph, index, owner, ownerLocation);
            var checkpoint = context.Sink.Mark();
            analysis.RunRegion(0, analysis.transfer.EntryState(), report: true);
            analysis.transfer.Finish(checkpoint);
        }

        /// <summary>
        /// Runs the blocks reachable from <paramref name="start"/> (the whole body, or one finally region) to a
        /// fixpoint, and when <paramref name="report"/> reports on them with their final states (in the same pass when
        /// the graph has no loop, else by replaying them once). Returns the state at
        /// the end of a finally region (the join of its exits), or null when there is none or a bound was hit.
        /// </summary>
        private LockState? RunRegion(int start, LockState entry, bool report)
        {
            // Indexed by block ordinal: a region runs for every state a branch brings into a finally block, so its
            // bookkeeping is a few arrays rather than dictionaries and a sorted set.
            int blockCount = graph.Blocks.Length;
            var inputs = new LockState?[blockCount];
            var visits = new int[blockCount];
            var queued = new bool[blockCount];
            inputs[start] = entry;
            queued[start] = true;
            int next = start;
            LockState? regionExit = null;

            // Without a loop, blocks taken in ordinal order are each visited once, after all their predecessors: the
            // first visit already has the final state, so it can report, and no second pass is needed.
            bool singlePass = report && IsAcyclic;
            var incoming = report ? new List<LockState>?[blockCount] : null;

            while (true)
            {
                while (next < blockCount && !queued[next])
                {
                    next++;
                }

                if (next == blockCount)
                {
                    break;
                }

                transfer.Context.CancellationToken.ThrowIfCancellationRequested();
                int ordinal = next;
                queued[ordinal] = false;
                if (visits[ordinal] >= MaxVisitsPerBlock)
                {
                    transfer.StopAtFixpointBound();
                    return null;
                }

                visits[ordinal]++;
                Step(graph.Blocks[ordinal], inputs[ordinal]!, report: singlePass, Flow, exit => regionExit = regionExit is null ? exit : LockState.Join(regionExit, exit));
                if (transfer.StoppedAtBound)
                {
                    return null;
                }
            }

            if (incoming is null)
            {
                return regionExit;
            }

            if (!singlePass)
            {
                for (int ordinal = 0; ordinal < blockCount; ordinal++)
                {
                    if (inputs[ordinal] is { } input)
                    {
                        Step(graph.Blocks[ordinal], input, report: true, NoteIncoming, _ => { });
                    }
                }
            }

            for (int ordinal = 0; ordinal < blockCount; ordinal++)
            {
                if (incoming[ordinal] is { Count: > 1 } states && graph.Blocks[ordinal].Kind != BasicBlockKind.Exit)
                {
                    ReportJoin(graph.Blocks[ordinal], states);
                }
            }

            return regionExit;

            void NoteIncoming(int destination, LockState state, bool exceptional)
            {
                if (!exceptional)
                {
                    (incoming![destination] ??= new List<LockState>()).Add(state);
                }
            }

            void Flow(int destination, LockState state, bool exceptional)
            {
                if (singlePass)
                {
                    NoteIncoming(destination, state, exceptional);
                }

                if (inputs[destination] is { } known)
                {
                    var joined = LockState.Join(known, state);
                    if (joined.Equals(known))
                    {
                        return;
                    }

                    state = joined;
                }

                inputs[destination] = state;
                queued[destination] = true;
                if (destination < next)
                {
                    next = destination;
                }
            }
        }

        /// <summary>The syntax where a block's code starts, or null for a block with none.</summary>
        private static SyntaxNode? EntryPosition(BasicBlock block) =>
            block.Operations.Length > 0 ? block.Operations[0].Syntax : block.BranchValue?.Syntax;

        /// <summary>Whether every branch of the graph goes forward (no loop, no backward goto); computed once.</summary>
        private bool IsAcyclic
        {
            get
            {
                if (acyclic is null)
                {
                    acyclic = true;
                    foreach (var block in graph.Blocks)
                    {
                        if (block.ConditionalSuccessor?.Destination is { } taken && taken.Ordinal <= block.Ordinal
                            || block.FallThroughSuccessor?.Destination is { } next && next.Ordinal <= block.Ordinal)
                        {
                            acyclic = false;
                            break;
                        }
                    }
                }

                return acyclic.Value;
            }
        }

        private delegate void EdgeHandler(int destination, LockState state, bool exceptional);

        private void Step(BasicBlock block, LockState state, bool report, EdgeHandler onEdge, System.Action<LockState> onRegionExit)
        {
            if (block.Kind == BasicBlockKind.Exit)
            {
                return;
            }

            // Exceptions can leave the try region from its very start: each handler starts from the try's entry state.
            for (var region = block.EnclosingRegion; region is not null && region.FirstBlockOrdinal == block.Ordinal; region = region.EnclosingRegion)
            {
                if (region.Kind != ControlFlowRegionKind.Try || region.EnclosingRegion is not { Kind: ControlFlowRegionKind.TryAndCatch } tryAndCatch)
                {
                    continue;
                }

                foreach (var handler in tryAndCatch.NestedRegions)
                {
                    if (handler.Kind is ControlFlowRegionKind.Catch or ControlFlowRegionKind.FilterAndHandler)
                    {
                        onEdge(handler.FirstBlockOrdinal, state, exceptional: true);
                    }
                }
            }

            foreach (var operation in block.Operations)
            {
                state = LockTransfer.LeaveLockStatements(state, operation.Syntax);
                state = transfer.Transfer(operation, state, report);
            }

            if (block.BranchValue is not null)
            {
                state = LockTransfer.LeaveLockStatements(state, block.BranchValue.Syntax);
                state = transfer.Transfer(block.BranchValue, state, report);
            }

            LockState? whenTaken = state;
            LockState? whenNotTaken = state;
            if (block.ConditionKind != ControlFlowConditionKind.None && block.BranchValue is not null)
            {
                var (whenTrue, whenFalse) = transfer.SplitOnCondition(block.BranchValue, state);
                bool jumpsWhenTrue = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
                whenTaken = jumpsWhenTrue ? whenTrue : whenFalse;
                whenNotTaken = jumpsWhenTrue ? whenFalse : whenTrue;
            }

            var returned = block.ConditionKind == ControlFlowConditionKind.None ? block.BranchValue : null;
            Follow(block.ConditionalSuccessor, whenTaken, null);
            Follow(block.FallThroughSuccessor, whenNotTaken, returned);

            void Follow(ControlFlowBranch? branch, LockState? outgoing, IOperation? returnedValue)
            {
                if (branch is null || outgoing is null)
                {
                    return;
                }

                LockState? current = outgoing;
                foreach (var finallyRegion in branch.FinallyRegions)
                {
                    current = RunFinally(finallyRegion, current, report);
                    if (current is null)
                    {
                        return;
                    }
                }

                if (branch.Destination is null)
                {
                    if (branch.Semantics == ControlFlowBranchSemantics.StructuredExceptionHandling)
                    {
                        onRegionExit(current);
                    }

                    return;
                }

                if (branch.Destination.Kind == BasicBlockKind.Exit)
                {
                    // Leaving the method leaves every lock statement it is in.
                    current = LockTransfer.LeaveLockStatements(current, position: null);
                    if (report)
                    {
                        transfer.CheckReturn(current, returnedValue);
                    }
                }
                else if (EntryPosition(branch.Destination) is { } position)
                {
                    // A jump out of a lock statement's body (break, continue) leaves it before the paths meet.
                    current = LockTransfer.LeaveLockStatements(current, position);
                }

                onEdge(branch.Destination.Ordinal, current, exceptional: false);
            }
        }

        private LockState? RunFinally(ControlFlowRegion region, LockState state, bool report)
        {
            var key = (region, state);
            bool reportNow = report && reportedFinally.Add(key);
            if (!reportNow && finallyResults.TryGetValue(key, out var known))
            {
                return known;
            }

            var result = RunRegion(region.FirstBlockOrdinal, state, reportNow);
            finallyResults[key] = result;
            return result;
        }


        /// <summary>LOCK005 where paths that disagree about a lock meet.</summary>
        private void ReportJoin(BasicBlock block, List<LockState> incoming)
        {
            var location = JoinLocation(block);
            foreach (var state in incoming)
            {
                foreach (var held in state.Held)
                {
                    if (held.IsMaybe || held.Origin != HeldLockOrigin.Acquired)
                    {
                        continue;
                    }

                    foreach (var other in incoming)
                    {
                        var there = other.FindCounterpart(held);
                        if ((there is null || there.IsMaybe) && state.ExplainedByFlag(held, other) is null)
                        {
                            LockStateRule.HeldOnSomePathsOnly(transfer.Context, held, location);
                            break;
                        }
                    }
                }
            }
        }

        private Location JoinLocation(BasicBlock block)
        {
            foreach (var operation in block.Operations)
            {
                if (!operation.IsImplicit && operation.Syntax is not null)
                {
                    return operation.Syntax.GetLocation();
                }
            }

            foreach (var operation in block.Operations)
            {
                return operation.Syntax.GetLocation();
            }

            return block.BranchValue?.Syntax.GetLocation() ?? transfer.OwnerLocation;
        }
    }
}
