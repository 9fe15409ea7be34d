using System.Text.Json.Nodes;
using MacroVersioning.Core.Settings;

namespace MacroVersioning.Core.Functions;

/// <summary>A function in scope: its resource as written and its properties after Globals.</summary>
internal sealed record FunctionCandidate(string Id, string Type, JsonObject Resource, JsonObject Properties, MacroSettings Settings)
{
    public string PropertiesPath => $"Resources.{Id}.Properties";

    /// <summary>
    /// The function's <c>AutoPublishAlias</c> (after Globals) when SAM publishes its versions and the macro
    /// steers them through <c>AutoPublishCodeSha256</c>; null for a function the macro versions itself.
    /// </summary>
    public JsonNode? AutoPublishAlias { get; init; }
}
