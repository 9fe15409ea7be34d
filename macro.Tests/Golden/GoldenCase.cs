using System.Text;
using System.Text.Json.Nodes;
using MacroVersioning.Core;
using MacroVersioning.Core.Json;
using MacroVersioning.Tests.Fakes;

namespace MacroVersioning.Tests.Golden;

/// <summary>
/// One folder of <c>Fixtures/</c>: <c>template.json</c> or <c>template.yaml</c>, optional
/// <c>case.json</c> (parameters, region, hashKey, codeIdentity, lambda, s3 objects and errors), and
/// the expected <c>expected.json</c> or, for <c>error_*</c> cases, <c>expected-error.txt</c>.
/// </summary>
public sealed record GoldenCase(string Name, string Directory)
{
    public const string UpdateVariable = "UPDATE_GOLDEN";

    public string ExpectedJson => Path.Combine(Directory, "expected.json");

    public string ExpectedError => Path.Combine(Directory, "expected-error.txt");

    public bool IsError => Name.StartsWith("error_", StringComparison.Ordinal);

    public static IEnumerable<GoldenCase> All(string root) =>
        System.IO.Directory.EnumerateDirectories(root)
            .Order(StringComparer.Ordinal)
            .Select(d => new GoldenCase(Path.GetFileName(d), d));

    public JsonObject Template() => TemplateFiles.Load(Directory);

    public JsonObject Settings() =>
        File.Exists(Path.Combine(Directory, "case.json"))
            ? (JsonObject)JsonText.Parse(File.ReadAllText(Path.Combine(Directory, "case.json")))!
            : [];

    public async Task<TransformResult> RunAsync()
    {
        var settings = Settings();
        var overrides = (settings["parameters"] as JsonObject ?? []).ToDictionary(p => p.Key, p => JsonText.ScalarText(p.Value)!);
        var (request, problems) = LocalRequestBuilder.Build(
            Template(), overrides, JsonText.ScalarText(settings["region"]) ?? "us-east-1", JsonText.ScalarText(settings["accountId"]) ?? "123456789012");
        if (request is null)
        {
            return TransformResult.Failure(problems);
        }

        var source = new FakeCodeIdentitySource();
        foreach (var (uri, content) in settings["s3"] as JsonObject ?? [])
        {
            source.Put(uri, JsonText.ScalarText(content)!);
        }

        foreach (var (uri, error) in settings["s3Errors"] as JsonObject ?? [])
        {
            source.Fail(uri, JsonText.ScalarText(error)!);
        }

        var key = JsonText.ScalarText(settings["hashKey"]) is { } k ? Encoding.UTF8.GetBytes(k) : null;
        CodeIdentityMode? mode = JsonText.ScalarText(settings["codeIdentity"]) switch
        {
            "location" => CodeIdentityMode.Location,
            "content" => CodeIdentityMode.Content,
            _ => null,
        };
        var options = new TransformOptions(JsonText.ScalarText(settings["lambda"]) != "true", Directory, key, mode);
        return await MacroTransformer.TransformAsync(request, options, source, CancellationToken.None);
    }

    public override string ToString() => Name;
}
