using System;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LockOrder.Benchmarks.AnalyzerCost;

namespace LockOrder.Benchmarks.Corpus
{
    /// <summary>
    /// Writes every LockOrder diagnostic of a corpus run, and every analyzer exception, to a file to triage: JSON when
    /// the file name ends in <c>.json</c>, else text, one diagnostic a line with its other locations indented below.
    /// </summary>
    internal static class DiagnosticsFile
    {
        internal static void Write(string path, string corpus, WorkloadResult result)
        {
            string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }

            if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                WriteJson(path, corpus, result);
            }
            else
            {
                WriteText(path, corpus, result);
            }
        }

        private static string Severity(Microsoft.CodeAnalysis.DiagnosticSeverity severity) => severity.ToString().ToLowerInvariant();

        private static void WriteText(string path, string corpus, WorkloadResult result)
        {
            var text = new StringBuilder();
            text.Append($"# LockOrder on {corpus}: {result.Source.Files.Count} files, {result.Source.Lines} lines; the compiler: {result.Check.Errors} errors\n");
            text.Append($"# {result.Diagnostics.Count} diagnostics, {result.Failures.Count} analyzer exceptions\n");
            foreach (var d in result.Diagnostics)
            {
                text.Append($"{d.Id} {Severity(d.Severity)} {d.Location}: {d.Message}\n");
                foreach (var location in d.AdditionalLocations)
                {
                    text.Append($"    also {location}\n");
                }
            }

            foreach (var f in result.Failures)
            {
                text.Append($"AD0001 {f.Describe()}\n");
                // The driver's context names the node or symbol and carries the stack trace.
                foreach (string line in f.Context.Split('\n'))
                {
                    if (line.Trim().Length > 0)
                    {
                        text.Append($"    {line.TrimEnd('\r')}\n");
                    }
                }
            }

            File.WriteAllText(path, text.ToString());
        }

        private static void WriteJson(string path, string corpus, WorkloadResult result)
        {
            using var stream = File.Create(path);
            // The file is read by people and scripts, not embedded in HTML: arrows and quotes in messages stay as they are.
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            json.WriteStartObject();
            json.WriteString("corpus", corpus);
            json.WriteNumber("files", result.Source.Files.Count);
            json.WriteNumber("lines", result.Source.Lines);
            json.WriteNumber("compilerErrors", result.Check.Errors);
            json.WriteStartArray("diagnostics");
            foreach (var d in result.Diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("id", d.Id);
                json.WriteString("severity", Severity(d.Severity));
                WriteLocation(json, d.Location);
                json.WriteString("message", d.Message);
                json.WriteStartArray("additionalLocations");
                foreach (var location in d.AdditionalLocations)
                {
                    json.WriteStartObject();
                    WriteLocation(json, location);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("analyzerExceptions");
            foreach (var f in result.Failures)
            {
                json.WriteStartObject();
                json.WriteString("analyzer", f.Analyzer);
                json.WriteString("summary", f.Summary);
                json.WriteString("context", f.Context);
                json.WriteString("exception", f.Exception);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        private static void WriteLocation(Utf8JsonWriter json, DiagnosticLocation location)
        {
            if (location.Path is null)
            {
                json.WriteNull("path");
            }
            else
            {
                json.WriteString("path", location.Path);
            }

            json.WriteNumber("line", location.Line);
            json.WriteNumber("column", location.Column);
        }
    }
}
