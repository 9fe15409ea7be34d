using System.Text.Json.Nodes;
using MacroVersioning.Core.Settings;

namespace MacroVersioning.Core.Functions;

/// <summary>A function in scope: its resource as written and its properties after Globals.</summary>
internal sealed record FunctionCandidate(string Id, string Type, JsonObject Resource, JsonObject Properties, MacroSettings Settings)
{
    public string PropertiesPath => $"Resources.{Id}.Properties";
}
