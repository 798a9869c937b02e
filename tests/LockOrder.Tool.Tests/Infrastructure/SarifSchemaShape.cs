using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace LockOrder.Tool.Tests.Infrastructure
{
    /// <summary>
    /// The parts of the SARIF 2.1.0 JSON schema (sarif-schema-2.1.0.json) that a log of diagnostics touches: for each
    /// object type, the properties it allows (the schema sets additionalProperties to false on every one of them), the
    /// ones it requires, and the constraints on their values. <see cref="Check"/> walks a log and lists every place
    /// where it breaks them.
    /// </summary>
    internal static class SarifSchemaShape
    {
        private static readonly string[] Levels = { "none", "note", "warning", "error" };

        internal static IReadOnlyList<string> Check(JsonElement log)
        {
            var problems = new List<string>();
            Object(log, "$", problems, required: new[] { "version", "runs" }, allowed: new[] { "$schema", "version", "runs", "inlineExternalProperties", "properties" });
            if (log.TryGetProperty("version", out var version) && version.GetString() != "2.1.0")
            {
                problems.Add("$.version: must be \"2.1.0\"");
            }

            foreach (var (run, path) in Items(log, "runs", "$", problems))
            {
                Run(run, path, problems);
            }

            return problems;
        }

        private static void Run(JsonElement run, string path, List<string> problems)
        {
            Object(run, path, problems, required: new[] { "tool" }, allowed: new[]
            {
                "tool", "invocations", "conversion", "language", "versionControlProvenance", "originalUriBaseIds", "artifacts",
                "logicalLocations", "graphs", "results", "automationDetails", "runAggregates", "baselineGuid", "redactionTokens",
                "defaultEncoding", "defaultSourceLanguage", "newlineSequences", "columnKind", "externalPropertyFileReferences",
                "threadFlowLocations", "taxonomies", "addresses", "translations", "policies", "webRequests", "webResponses",
                "specialLocations", "properties",
            });
            if (run.TryGetProperty("columnKind", out var columnKind) && columnKind.GetString() is not ("utf16CodeUnits" or "unicodeCodePoints"))
            {
                problems.Add(path + ".columnKind: not a column kind");
            }

            var ruleIds = new List<string>();
            if (run.TryGetProperty("tool", out var tool))
            {
                Object(tool, path + ".tool", problems, required: new[] { "driver" }, allowed: new[] { "driver", "extensions", "properties" });
                if (tool.TryGetProperty("driver", out var driver))
                {
                    Object(driver, path + ".tool.driver", problems, required: new[] { "name" }, allowed: new[]
                    {
                        "guid", "name", "organization", "product", "productSuite", "shortDescription", "fullDescription", "fullName",
                        "version", "semanticVersion", "dottedQuadFileVersion", "releaseDateUtc", "downloadUri", "informationUri",
                        "globalMessageStrings", "notifications", "rules", "taxa", "locations", "language", "contents",
                        "isComprehensive", "localizedDataSemanticVersion", "minimumRequiredLocalizedDataSemanticVersion",
                        "associatedComponent", "translationMetadata", "supportedTaxonomies", "properties",
                    });
                    foreach (var (rule, rulePath) in Items(driver, "rules", path + ".tool.driver", problems, optional: true))
                    {
                        Rule(rule, rulePath, problems);
                        ruleIds.Add(rule.TryGetProperty("id", out var id) ? id.GetString() ?? string.Empty : string.Empty);
                    }
                }
            }

            foreach (var (result, resultPath) in Items(run, "results", path, problems, optional: true))
            {
                Result(result, resultPath, ruleIds, problems);
            }
        }

        private static void Rule(JsonElement rule, string path, List<string> problems)
        {
            Object(rule, path, problems, required: new[] { "id" }, allowed: new[]
            {
                "id", "deprecatedIds", "guid", "deprecatedGuids", "name", "deprecatedNames", "shortDescription", "fullDescription",
                "messageStrings", "defaultConfiguration", "helpUri", "help", "relationships", "properties",
            });
            foreach (var text in new[] { "shortDescription", "fullDescription", "help" })
            {
                if (rule.TryGetProperty(text, out var value))
                {
                    Object(value, $"{path}.{text}", problems, required: new[] { "text" }, allowed: new[] { "text", "markdown", "properties" });
                }
            }

            if (rule.TryGetProperty("helpUri", out var helpUri) && !Uri.TryCreate(helpUri.GetString(), UriKind.Absolute, out _))
            {
                problems.Add(path + ".helpUri: not an absolute URI");
            }

            if (rule.TryGetProperty("defaultConfiguration", out var configuration))
            {
                Object(configuration, path + ".defaultConfiguration", problems, required: Array.Empty<string>(), allowed: new[] { "enabled", "level", "rank", "parameters", "properties" });
                Level(configuration, path + ".defaultConfiguration", problems);
            }
        }

        private static void Result(JsonElement result, string path, List<string> ruleIds, List<string> problems)
        {
            Object(result, path, problems, required: new[] { "message" }, allowed: new[]
            {
                "ruleId", "ruleIndex", "rule", "kind", "level", "message", "analysisTarget", "locations", "guid", "correlationGuid",
                "occurrenceCount", "partialFingerprints", "fingerprints", "stacks", "codeFlows", "graphs", "graphTraversals",
                "relatedLocations", "suppressions", "baselineState", "rank", "attachments", "hostedViewerUri", "workItemUris",
                "provenance", "fixes", "taxa", "webRequest", "webResponse", "properties",
            });
            Level(result, path, problems);
            if (result.TryGetProperty("message", out var message))
            {
                Object(message, path + ".message", problems, required: Array.Empty<string>(), allowed: new[] { "text", "markdown", "id", "arguments", "properties" });
                if (!message.TryGetProperty("text", out _) && !message.TryGetProperty("id", out _))
                {
                    problems.Add(path + ".message: needs text or id");
                }
            }

            if (result.TryGetProperty("ruleIndex", out var ruleIndex))
            {
                var index = ruleIndex.GetInt32();
                var ruleId = result.TryGetProperty("ruleId", out var id) ? id.GetString() : null;
                if (index < -1 || index >= ruleIds.Count || (index >= 0 && ruleIds[index] != ruleId))
                {
                    problems.Add($"{path}.ruleIndex: {index} does not name rule {ruleId}");
                }
            }

            foreach (var property in new[] { "locations", "relatedLocations" })
            {
                foreach (var (location, locationPath) in Items(result, property, path, problems, optional: true))
                {
                    Location(location, locationPath, problems);
                }
            }
        }

        private static void Location(JsonElement location, string path, List<string> problems)
        {
            Object(location, path, problems, required: Array.Empty<string>(), allowed: new[] { "id", "physicalLocation", "logicalLocations", "message", "annotations", "relationships", "properties" });
            if (location.TryGetProperty("id", out var id) && id.GetInt32() < -1)
            {
                problems.Add(path + ".id: below -1");
            }

            if (!location.TryGetProperty("physicalLocation", out var physical))
            {
                return;
            }

            var physicalPath = path + ".physicalLocation";
            Object(physical, physicalPath, problems, required: Array.Empty<string>(), allowed: new[] { "address", "artifactLocation", "region", "contextRegion", "properties" });
            if (!physical.TryGetProperty("artifactLocation", out var artifact) && !physical.TryGetProperty("address", out _))
            {
                problems.Add(physicalPath + ": needs artifactLocation or address");
                return;
            }

            Object(artifact, physicalPath + ".artifactLocation", problems, required: Array.Empty<string>(), allowed: new[] { "uri", "uriBaseId", "index", "description", "properties" });
            if (artifact.TryGetProperty("uri", out var uri) && !Uri.TryCreate(uri.GetString(), UriKind.RelativeOrAbsolute, out _))
            {
                problems.Add(physicalPath + ".artifactLocation.uri: not a URI reference");
            }

            if (physical.TryGetProperty("region", out var region))
            {
                var regionPath = physicalPath + ".region";
                Object(region, regionPath, problems, required: Array.Empty<string>(), allowed: new[]
                {
                    "startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength", "byteOffset", "byteLength",
                    "snippet", "message", "sourceLanguage", "properties",
                });
                foreach (var number in new[] { "startLine", "startColumn", "endLine", "endColumn" })
                {
                    if (region.TryGetProperty(number, out var value) && value.GetInt32() < 1)
                    {
                        problems.Add($"{regionPath}.{number}: below 1");
                    }
                }
            }
        }

        private static void Level(JsonElement owner, string path, List<string> problems)
        {
            if (owner.TryGetProperty("level", out var level) && !Levels.Contains(level.GetString()))
            {
                problems.Add($"{path}.level: '{level}' is not one of {string.Join(", ", Levels)}");
            }
        }

        private static void Object(JsonElement element, string path, List<string> problems, string[] required, string[] allowed)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{path}: not an object");
                return;
            }

            foreach (var name in required.Where(r => !element.TryGetProperty(r, out _)))
            {
                problems.Add($"{path}: lacks required '{name}'");
            }

            foreach (var property in element.EnumerateObject().Where(p => !allowed.Contains(p.Name)))
            {
                problems.Add($"{path}: '{property.Name}' is not a property the schema allows");
            }
        }

        private static IEnumerable<(JsonElement Item, string Path)> Items(JsonElement owner, string property, string path, List<string> problems, bool optional = false)
        {
            if (owner.ValueKind != JsonValueKind.Object || !owner.TryGetProperty(property, out var array))
            {
                if (!optional)
                {
                    problems.Add($"{path}: lacks '{property}'");
                }

                return Enumerable.Empty<(JsonElement, string)>();
            }

            if (array.ValueKind != JsonValueKind.Array)
            {
                problems.Add($"{path}.{property}: not an array");
                return Enumerable.Empty<(JsonElement, string)>();
            }

            return array.EnumerateArray().Select((item, i) => (item, $"{path}.{property}[{i}]")).ToList();
        }
    }
}
