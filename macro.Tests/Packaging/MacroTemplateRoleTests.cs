using System.Text.Json.Nodes;
using MacroVersioning.Cli;
using MacroVersioning.Core.Json;
using MacroVersioning.Tests.Golden;

namespace MacroVersioning.Tests.Packaging;

/// <summary>
/// The macro's role reads code objects and nothing else: a HEAD and a GET need only
/// <c>s3:GetObject</c> (<c>s3:GetObjectVersion</c> with a versionId), so no other S3 action may creep in.
/// </summary>
public sealed class MacroTemplateRoleTests
{
    [Fact]
    public void The_role_may_only_read_objects_in_the_code_buckets()
    {
        var template = TemplateReader.Read(File.ReadAllText(Path.Combine(RepoPaths.Root, "macro-template.yaml")), out _);

        var s3Statements = template["Resources"]!.AsObject()
            .Where(r => JsonText.ScalarText(r.Value?["Type"]) == "AWS::IAM::Role")
            .SelectMany(r => r.Value!["Properties"]!["Policies"]!.AsArray())
            .SelectMany(Statements)
            .Where(s => Actions(s).Any(a => a.StartsWith("s3:", StringComparison.Ordinal)))
            .ToList();

        s3Statements.Should().ContainSingle();
        Actions(s3Statements[0]).Should().BeEquivalentTo("s3:GetObject", "s3:GetObjectVersion");
        s3Statements[0]!["Resource"]!.ToJsonString().Should().Contain("CodeBuckets").And.Contain("/*");
    }

    private static IEnumerable<JsonNode?> Statements(JsonNode? policy) =>
        policy is JsonObject map && map["PolicyDocument"]?["Statement"] is JsonArray statements
            ? statements
            : policy is JsonObject conditional && conditional["Fn::If"] is JsonArray branches
                ? branches.Skip(1).SelectMany(Statements)
                : [];

    private static IEnumerable<string> Actions(JsonNode? statement) =>
        statement?["Action"] switch
        {
            JsonArray list => list.Select(a => JsonText.ScalarText(a) ?? ""),
            JsonValue one => [JsonText.ScalarText(one) ?? ""],
            _ => [],
        };
}
