using System.Text;
using System.Text.Json.Nodes;
using MacroVersioning.Core;
using MacroVersioning.Core.Json;
using MacroVersioning.Tests.Fakes;

namespace MacroVersioning.Tests.Core;

/// <summary>Runs the core on a fragment the way the Lambda would, for table tests.</summary>
internal static class Transform
{
    public static TransformResult Run(JsonObject fragment, JsonObject? parameterValues = null, JsonObject? macroParams = null, string? hashKey = null, FakeCodeIdentitySource? source = null) =>
        MacroTransformer.TransformAsync(
            new MacroRequest(fragment, parameterValues ?? [], macroParams ?? [], "us-east-1", "123456789012"),
            TransformOptions.Lambda(hashKey is null ? null : Encoding.UTF8.GetBytes(hashKey)),
            source ?? new FakeCodeIdentitySource(),
            CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>The single added version id; fails the test with the problems when there is none.</summary>
    public static string VersionId(JsonObject fragment, JsonObject? parameterValues = null, string? hashKey = null, FakeCodeIdentitySource? source = null)
    {
        var result = Run(fragment, parameterValues, hashKey: hashKey, source: source);
        result.Problems.Should().BeEmpty();
        return result.Functions.Should().ContainSingle(f => f.Versioned).Subject.VersionId!;
    }

    public static JsonObject Parse(string json) => (JsonObject)JsonText.Parse(json)!;
}
