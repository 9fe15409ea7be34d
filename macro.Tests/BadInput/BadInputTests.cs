using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MacroVersioning.Core;
using MacroVersioning.Lambda;

namespace MacroVersioning.Tests.BadInput;

/// <summary>
/// Every folder of <c>BadInput/Cases/</c> through the Lambda handler, body in, response out: it never
/// throws, answers valid JSON with the expected request id (the request's, one the body spells out before
/// a syntax error, or null where none can be read), status and message, and never
/// lets a planted NoEcho value (every corpus secret contains <see cref="SecretMarker"/>) into the
/// response or the log. <c>UPDATE_GOLDEN=1</c> rewrites <c>expected.txt</c>; review the diff.
/// </summary>
public sealed class BadInputTests
{
    public const string SecretMarker = "planted-secret";

    private static readonly JsonDocumentOptions AnyDepth = new() { MaxDepth = 100_000 };

    public static TheoryData<string> Cases() => [.. BadInputCase.All().Select(c => c.Name)];

    [Fact]
    public void The_corpus_has_at_least_60_cases() => Cases().Count.Should().BeGreaterThanOrEqualTo(60);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Case_answers_as_expected(string name)
    {
        var badCase = BadInputCase.Named(name);
        var body = badCase.RequestBody();
        var log = new StringWriter();
        var handler = new MacroHandler(_ => new CorpusCodeSource(), TransformOptions.Lambda(Encoding.UTF8.GetBytes("bad-input-hash-key")), log);

        var text = await handler.HandleAsync(body, CancellationToken.None);

        var response = JsonNode.Parse(text, documentOptions: AnyDepth)!.AsObject();
        text.Should().NotContain(SecretMarker);
        log.ToString().Should().NotContain(SecretMarker);
        text.Should().NotContain("internal error", because: "an internal error is a bug in the macro, not an answer to bad input");
        var request = ParseOrNull(body) as JsonObject;
        var echoed = response["requestId"]?.GetValue<string>();
        if (echoed is not null && request is not null)
        {
            echoed.Should().Be(RequestIdOf(request), because: "an echoed request id is the request's own");
        }
        else if (echoed is not null)
        {
            // A body that is not JSON can still carry its id before the syntax error.
            RequestIdsWritten(body).Should().Contain(echoed, because: "an echoed request id is one the body spells out");
        }

        var actual = $"requestId: {echoed ?? "null"}\n{Summary(response, request)}";
        if (Environment.GetEnvironmentVariable(Golden.GoldenCase.UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(badCase.ExpectedFile, actual);
        }

        File.Exists(badCase.ExpectedFile).Should().BeTrue($"{badCase.ExpectedFile} must exist (run with {Golden.GoldenCase.UpdateVariable}=1 to create it, then review)");
        actual.Should().Be(await File.ReadAllTextAsync(badCase.ExpectedFile));
    }

    /// <summary>The status, then the error message or the added versions (at most five named).</summary>
    private static string Summary(JsonObject response, JsonObject? request)
    {
        var status = response["status"]!.GetValue<string>();
        if (status != "success")
        {
            return $"{status}\n{response["errorMessage"]!.GetValue<string>()}\n";
        }

        var before = request?["fragment"]?["Resources"] as JsonObject ?? [];
        var added = ((JsonObject)response["fragment"]!["Resources"]!).Select(p => p.Key).Where(k => !before.ContainsKey(k)).ToList();
        var named = string.Join(", ", added.Take(5)) + (added.Count > 5 ? $", … ({added.Count - 5} more)" : "");
        return added.Count == 0 ? $"{status}\nnothing added\n" : $"{status}\nadded {added.Count}: {named}\n";
    }

    private static string? RequestIdOf(JsonObject? request) =>
        request?["requestId"] is JsonValue id && id.GetValueKind() == JsonValueKind.String ? id.GetValue<string>() : null;

    private static IEnumerable<string> RequestIdsWritten(string body) =>
        Regex.Matches(body, "\"requestId\"\\s*:\\s*\"([^\"\\\\]*)\"").Select(m => m.Groups[1].Value);

    private static JsonNode? ParseOrNull(string body)
    {
        try
        {
            return JsonNode.Parse(body, documentOptions: AnyDepth);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
