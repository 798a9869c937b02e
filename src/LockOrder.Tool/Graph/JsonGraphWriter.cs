using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using LockOrder.Analyzers.Graph;

namespace LockOrder.Tool.Graph
{
    /// <summary>
    /// The graph as JSON for other tools: <c>projects</c>, <c>nodes</c> (id, name, kind), <c>edges</c> (from, to, kind,
    /// location or null, via, onCycle, cycleRules) and <c>cycles</c> (rule, nodes in order). Node ids are the
    /// analyzer's own (fully qualified names), not the sanitized ones the diagrams use.
    /// </summary>
    internal static class JsonGraphWriter
    {
        internal static void Write(Stream stream, SolutionGraph graph)
        {
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            json.WriteStartObject();
            json.WriteStartArray("projects");
            foreach (var project in graph.Projects)
            {
                json.WriteStringValue(project);
            }

            json.WriteEndArray();
            json.WriteStartArray("nodes");
            foreach (var node in graph.Nodes)
            {
                json.WriteStartObject();
                json.WriteString("id", node.Id);
                json.WriteString("name", node.Name);
                json.WriteString("kind", JsonNamingPolicy.CamelCase.ConvertName(node.Kind.ToString()));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("edges");
            foreach (var edge in graph.Edges)
            {
                json.WriteStartObject();
                json.WriteString("from", edge.From);
                json.WriteString("to", edge.To);
                json.WriteString("kind", edge.Kind == LockGraphEdgeKind.Declared ? "declared" : "observed");
                if (edge.Position is { } position)
                {
                    json.WriteStartObject("location");
                    json.WriteString("path", position.Path);
                    json.WriteNumber("line", position.Line);
                    json.WriteNumber("column", position.Column);
                    json.WriteEndObject();
                }
                else
                {
                    json.WriteNull("location");
                }

                json.WriteString("via", edge.Via);
                json.WriteBoolean("onCycle", edge.IsOnCycle);
                json.WriteStartArray("cycleRules");
                foreach (var rule in edge.CycleRules)
                {
                    json.WriteStringValue(rule);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("cycles");
            foreach (var cycle in graph.Cycles)
            {
                json.WriteStartObject();
                json.WriteString("rule", cycle.RuleId);
                json.WriteStartArray("nodes");
                foreach (var id in cycle.NodeIds)
                {
                    json.WriteStringValue(id);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }
    }
}
