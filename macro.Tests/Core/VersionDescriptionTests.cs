using System.Text.Json.Nodes;
using MacroVersioning.Core;
using MacroVersioning.Tests.Cli;
using MacroVersioning.Tests.Fakes;

namespace MacroVersioning.Tests.Core;

/// <summary>
/// The Version's Description says what was hashed, in words taken from the hashed code identity
/// (SPEC §4: every property of a Version depends only on its hash), never from where the code came from.
/// </summary>
public sealed class VersionDescriptionTests
{
    private const string ZipBytes = "PK zip bytes of app v1";

    public static TheoryData<string, string, string> CodeKinds() => new()
    {
        { "Zip object in S3", """{ "CodeUri": "s3://bucket/app.zip" }""", "code SHA-256" },
        { "Zip file on disk", """{ "CodeUri": "app.zip" }""", "code SHA-256" },
        { "Source folder on disk", """{ "CodeUri": "src" }""", "local files" },
        { "Inline code", """{ "InlineCode": "def handler(e, c): pass" }""", "inline code" },
        { "Container image", """{ "PackageType": "Image", "ImageUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/app@sha256:abc" }""", "container image" },
        { "S3 location mode", """{ "CodeUri": "s3://bucket/app.zip", "Metadata": "location" }""", "S3 location" },
    };

    [Theory]
    [MemberData(nameof(CodeKinds))]
    public async Task The_code_words_follow_the_hashed_identity(string name, string code, string words)
    {
        using var folder = Project();

        var version = await VersionOf(folder, Function(code));

        ((string)version["Properties"]!["Description"]!).Should().MatchRegex($"^VersioningMacro [0-9a-f]{{10}}: {words}(;|$)", because: name);
    }

    [Fact]
    public async Task The_same_bytes_as_a_local_zip_and_as_an_S3_object_give_the_same_Version_resource()
    {
        using var folder = Project();

        var local = await VersionOf(folder, Function("""{ "CodeUri": "app.zip" }"""));
        var s3 = await VersionOf(folder, Function("""{ "CodeUri": "s3://bucket/app.zip" }"""));

        JsonNode.DeepEquals(local, s3).Should().BeTrue($"equal hashed material must give an equal Version; local {local.ToJsonString()}, S3 {s3.ToJsonString()}");
        local["Properties"]!["CodeSha256"]!.GetValue<string>().Should().Be(FakeCodeIdentitySource.Sha256Base64(ZipBytes));
    }

    private static CliTempDirectory Project()
    {
        var folder = new CliTempDirectory();
        folder.Write("app.zip", ZipBytes);
        folder.Write("src/index.py", "def handler(e, c): pass\n");
        return folder;
    }

    /// <summary>A function with the given code properties; <c>"Metadata": "location"</c> asks for location identity.</summary>
    private static JsonObject Function(string code)
    {
        var properties = Transform.Parse(code);
        var location = properties.Remove("Metadata");
        properties["Handler"] = "app.handler";
        properties["Runtime"] = "python3.12";
        var function = new JsonObject { ["Type"] = "AWS::Serverless::Function", ["Properties"] = properties };
        if (location)
        {
            function["Metadata"] = new JsonObject { ["VersioningMacro"] = new JsonObject { ["CodeIdentity"] = "location" } };
        }

        return new JsonObject { ["Resources"] = new JsonObject { ["Fn"] = function } };
    }

    private static async Task<JsonObject> VersionOf(CliTempDirectory folder, JsonObject fragment)
    {
        var result = await MacroTransformer.TransformAsync(
            new MacroRequest(fragment, [], [], "us-east-1", "123456789012"),
            new TransformOptions(AllowLocalCode: true, LocalBaseDirectory: folder.Path),
            new FakeCodeIdentitySource().Put("s3://bucket/app.zip", ZipBytes),
            CancellationToken.None);
        result.Problems.Should().BeEmpty();
        var resources = (JsonObject)result.Fragment!["Resources"]!;
        return (JsonObject)resources.Single(r => r.Key.StartsWith("FnVersion", StringComparison.Ordinal)).Value!;
    }
}
