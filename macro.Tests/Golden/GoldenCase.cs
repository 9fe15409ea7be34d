using System.Text;
using System.Text.Json.Nodes;
using MacroVersioning.Core;
using MacroVersioning.Core.Json;
using MacroVersioning.Tests.Fakes;

namespace MacroVersioning.Tests.Golden;

/// <summary>
/// One golden case: the input template (<c>template.json</c> or <c>template.yaml</c>) in
/// <paramref name="Directory"/>, and in <paramref name="Data"/> an optional <c>case.json</c>
/// (parameters, region, hashKey, codeIdentity, lambda, s3 objects and errors, s3Versions: the version
/// id of an s3 object that sits in a versioned bucket) and the expected
/// <c>expected.json</c> or, for <c>error_*</c> cases, <c>expected-error.txt</c>. Fixtures keep both in
/// one folder of <c>Fixtures/</c>; an example keeps its data in <c>Examples/Expected/&lt;name&gt;/</c>
/// so <c>examples/</c> holds only what a user copies.
/// </summary>
public sealed record GoldenCase(string Name, string Directory, string Data)
{
    public const string UpdateVariable = "UPDATE_GOLDEN";

    public const string ExamplePrefix = "example/";

    public string ExpectedJson => Path.Combine(Data, "expected.json");

    public string ExpectedError => Path.Combine(Data, "expected-error.txt");

    public string CaseFile => Path.Combine(Data, "case.json");

    public bool IsError => Path.GetFileName(Name).StartsWith("error_", StringComparison.Ordinal);

    public static string ExampleData => Path.Combine(RepoPaths.Root, "macro.Tests", "Examples", "Expected");

    /// <summary>Every fixture, then every example folder that holds a template (not <c>pipeline/</c>).</summary>
    public static IEnumerable<GoldenCase> All() =>
        Folders(RepoPaths.Fixtures)
            .Select(d => new GoldenCase(Path.GetFileName(d), d, d))
            .Concat(Folders(RepoPaths.Examples)
                .Where(d => TemplateFiles.Find(d) is not null)
                .Select(d => new GoldenCase(ExamplePrefix + Path.GetFileName(d), d, Path.Combine(ExampleData, Path.GetFileName(d)))));

    public static GoldenCase Find(string name) => All().Single(c => c.Name == name);

    public JsonObject Template() => TemplateFiles.Load(Directory);

    public JsonObject Settings() =>
        File.Exists(CaseFile) ? (JsonObject)JsonText.Parse(File.ReadAllText(CaseFile))! : [];

    private static IEnumerable<string> Folders(string parent) =>
        System.IO.Directory.EnumerateDirectories(parent).Order(StringComparer.Ordinal);

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

        foreach (var (uri, version) in settings["s3Versions"] as JsonObject ?? [])
        {
            source.PutVersion(uri, JsonText.ScalarText(version)!, JsonText.ScalarText(settings["s3"]?[uri])!);
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
