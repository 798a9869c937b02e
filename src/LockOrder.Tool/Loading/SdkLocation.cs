using System;
using System.Linq;
using Microsoft.Build.Locator;

namespace LockOrder.Tool.Loading
{
    /// <summary>
    /// Finds, at run time, the .NET SDK that would build the input (the one its global.json selects, as <c>dotnet
    /// build</c> run in its folder would pick) and registers its MSBuild, so projects load with the same SDK, targets
    /// and properties as the user's build.
    /// </summary>
    internal static class SdkLocation
    {
        /// <summary>
        /// Registers the SDK for <paramref name="input"/> and returns its version. Throws a <see cref="ToolException"/>
        /// when no SDK can be found there. Must run before any method that uses MSBuild's types is compiled, which is why
        /// the workspace is opened by another method.
        /// </summary>
        internal static string Register(InputPath input)
        {
            if (MSBuildLocator.IsRegistered)
            {
                return "(already registered)";
            }

            VisualStudioInstance? sdk;
            try
            {
                sdk = MSBuildLocator.QueryVisualStudioInstances(new VisualStudioInstanceQueryOptions
                {
                    DiscoveryTypes = DiscoveryType.DotNetSdk,
                    WorkingDirectory = input.Directory,
                }).FirstOrDefault();
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or System.IO.IOException or DllNotFoundException or EntryPointNotFoundException)
            {
                throw new ToolException($"no .NET SDK found for '{input.Directory}': {Reason(e.Message)}", e);
            }

            if (sdk is null)
            {
                throw new ToolException($"no .NET SDK found for '{input.Directory}' (is one installed, and does its global.json, if any, name an installed version? 'dotnet --list-sdks' shows them)");
            }

            MSBuildLocator.RegisterInstance(sdk);
            return sdk.Version.ToString();
        }

        /// <summary>hostfxr's own explanation ("A compatible .NET SDK was not found. Requested SDK version: ..."), without the call that failed.</summary>
        private static string Reason(string message)
        {
            const string Detailed = "Detailed error:";
            var at = message.IndexOf(Detailed, StringComparison.Ordinal);
            return OneLine(at < 0 ? message : message.Substring(at + Detailed.Length));
        }

        private static string OneLine(string message) => string.Join(" ", message.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries)).Trim();
    }
}
