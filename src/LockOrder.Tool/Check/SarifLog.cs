using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace LockOrder.Tool.Check
{
    /// <summary>
    /// Writes the diagnostics as a SARIF 2.1.0 log, shaped as the compiler's own <c>-errorlog:...,version=2.1</c> log
    /// is (one run, absolute file URIs, 1-based lines and columns in UTF-16 code units), so GitHub code scanning and
    /// any tool that reads the compiler's log read this one too.
    /// </summary>
    internal static class SarifLog
    {
        private const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

        internal static void Write(Stream stream, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<DiagnosticDescriptor> rules, string toolVersion)
        {
            var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var rule in rules)
            {
                ruleIndex[rule.Id] = ruleIndex.Count;
            }

            // Diagnostics of an id the tool does not declare (an analyzer failure, AD0001) get their descriptor as a rule.
            var allRules = rules.Concat(diagnostics.Select(d => d.Descriptor).Where(d => !ruleIndex.ContainsKey(d.Id)).GroupBy(d => d.Id).Select(g => g.First())).ToList();
            for (int i = 0; i < allRules.Count; i++)
            {
                ruleIndex[allRules[i].Id] = i;
            }

            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "LockOrder");
            json.WriteString("version", toolVersion);
            json.WriteString("informationUri", "https://github.com/lockorder/LockOrder");
            json.WriteStartArray("rules");
            foreach (var rule in allRules)
            {
                WriteRule(json, rule);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("results");
            foreach (var diagnostic in diagnostics)
            {
                WriteResult(json, diagnostic, ruleIndex[diagnostic.Id]);
            }

            json.WriteEndArray();
            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        /// <summary>SARIF's name for a severity; hidden diagnostics are never written.</summary>
        internal static string Level(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Info => "note",
            _ => "none",
        };

        private static void WriteRule(Utf8JsonWriter json, DiagnosticDescriptor rule)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            WriteText(json, "shortDescription", rule.Title.ToString());
            var description = rule.Description.ToString();
            if (description.Length > 0)
            {
                WriteText(json, "fullDescription", description);
            }

            if (!string.IsNullOrEmpty(rule.HelpLinkUri))
            {
                json.WriteString("helpUri", rule.HelpLinkUri);
            }

            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(rule.DefaultSeverity));
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("category", rule.Category);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        private static void WriteResult(Utf8JsonWriter json, Diagnostic diagnostic, int ruleIndex)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", diagnostic.Id);
            json.WriteNumber("ruleIndex", ruleIndex);
            json.WriteString("level", Level(diagnostic.Severity));
            WriteText(json, "message", diagnostic.GetMessage());
            if (diagnostic.Location.IsInSource)
            {
                json.WriteStartArray("locations");
                WriteLocation(json, diagnostic.Location, id: null);
                json.WriteEndArray();
            }

            // Where the held lock was taken, and the like: the compiler's log lists them the same way.
            var related = diagnostic.AdditionalLocations.Where(l => l.IsInSource).ToList();
            if (related.Count > 0)
            {
                json.WriteStartArray("relatedLocations");
                for (int i = 0; i < related.Count; i++)
                {
                    WriteLocation(json, related[i], id: i + 1);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        private static void WriteLocation(Utf8JsonWriter json, Location location, int? id)
        {
            json.WriteStartObject();
            if (id is int value)
            {
                json.WriteNumber("id", value);
            }

            var span = location.GetLineSpan();
            if (!string.IsNullOrEmpty(span.Path))
            {
                json.WriteStartObject("physicalLocation");
                json.WriteStartObject("artifactLocation");
                json.WriteString("uri", new Uri(Path.GetFullPath(span.Path)).AbsoluteUri);
                json.WriteEndObject();
                json.WriteStartObject("region");
                json.WriteNumber("startLine", span.StartLinePosition.Line + 1);
                json.WriteNumber("startColumn", span.StartLinePosition.Character + 1);
                json.WriteNumber("endLine", span.EndLinePosition.Line + 1);
                json.WriteNumber("endColumn", span.EndLinePosition.Character + 1);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        private static void WriteText(Utf8JsonWriter json, string property, string text)
        {
            json.WriteStartObject(property);
            json.WriteString("text", text);
            json.WriteEndObject();
        }
    }
}
