using MacroVersioning.Code;
using MacroVersioning.Core.CodeIdentity;
using MacroVersioning.Core.Json;

namespace MacroVersioning.Tests.Core;

public sealed class S3LocationParserTests
{
    public static TheoryData<string, string, S3CodeObject?> Rows() => new()
    {
        { "uri", "\"s3://b/k/app.zip\"", new S3CodeObject("b", "k/app.zip", null) },
        { "uri with version", "\"s3://b/app.zip?versionId=v1\"", new S3CodeObject("b", "app.zip", "v1") },
        { "SAM object", """{"Bucket":"b","Key":"k","Version":"v"}""", new S3CodeObject("b", "k", "v") },
        { "Lambda object", """{"S3Bucket":"b","S3Key":"k","S3ObjectVersion":"v"}""", new S3CodeObject("b", "k", null) with { Version = "v" } },
        { "no key", "\"s3://b/\"", null },
        { "not s3", "\"src/fn\"", null },
        { "intrinsic bucket", """{"Bucket":{"Ref":"B"},"Key":"k"}""", null },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Parses_every_location_form(string name, string input, S3CodeObject? expected) =>
        S3LocationParser.Parse(JsonText.Parse(input)).Should().Be(expected, because: name);
}
