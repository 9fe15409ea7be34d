using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MacroVersioning.Core;
using MacroVersioning.Core.Json;
using MacroVersioning.Lambda;
using MacroVersioning.Tests.Properties;

namespace MacroVersioning.Tests.BadInput;

/// <summary>
/// Valid generated templates broken at random (<see cref="BreakingMutations"/>), hundreds per run:
/// the core never throws and returns either a fragment or problems, each with a message; the handler
/// answers valid JSON with the request id, a status, and a message for every failure. No planted
/// secret leaves either.
/// </summary>
public sealed class GeneratedBadInputTests
{
    private static readonly JsonDocumentOptions AnyDepth = new() { MaxDepth = 100_000 };

    [Fact]
    public void The_core_answers_every_broken_template_with_a_fragment_or_problems() => PropertyRun.ForEachSeed(template =>
    {
        var (fragment, values, macroParams, broken) = Broken(template);

        var result = Core.Transform.Run(fragment, values, macroParams, PropertyRun.HashKey, new Fakes.FakeCodeIdentitySource());

        var wrong = new List<string>();
        if (result.Succeeded == result.Problems.Count > 0)
        {
            wrong.Add($"succeeded {result.Succeeded} with {result.Problems.Count} problems");
        }

        if (result.Problems.Any(p => p.Path is null || string.IsNullOrWhiteSpace(p.Message)))
        {
            wrong.Add("a problem without a message");
        }

        var texts = JsonText.ToCompact(result.Fragment) + string.Join("\n", result.Problems) + string.Join("\n", result.Functions);
        if (template.Secrets.Any(texts.Contains))
        {
            wrong.Add("a planted secret left the core");
        }

        return wrong.Count == 0 ? null : $"after {string.Join(", ", broken)}: {string.Join("; ", wrong)}";
    });

    [Fact]
    public void The_handler_answers_every_broken_request_with_valid_JSON_and_the_request_id() => PropertyRun.ForEachSeed(template =>
    {
        var (fragment, values, macroParams, broken) = Broken(template);
        var requestId = $"req-{template.Seed}";
        var body = new JsonObject
        {
            ["region"] = "us-east-1",
            ["accountId"] = "123456789012",
            ["fragment"] = fragment,
            ["transformId"] = "123456789012::VersioningMacro",
            ["params"] = macroParams,
            ["requestId"] = requestId,
            ["templateParameterValues"] = values,
        };
        var log = new StringWriter();
        var handler = new MacroHandler(_ => new CorpusCodeSource(), TransformOptions.Lambda(Encoding.UTF8.GetBytes(PropertyRun.HashKey)), log);

        var text = handler.HandleAsync(Text(body), CancellationToken.None).GetAwaiter().GetResult();

        var response = JsonNode.Parse(text, documentOptions: AnyDepth)!.AsObject();
        var status = response["status"]?.GetValue<string>();
        var wrong = new List<string>();
        if (status is not ("success" or "failure") || (status == "failure" && string.IsNullOrWhiteSpace(response["errorMessage"]?.GetValue<string>())))
        {
            wrong.Add($"status {status} with message {response["errorMessage"]}");
        }

        if (response["requestId"]?.GetValue<string>() != requestId && !text.Contains("levels deep", StringComparison.Ordinal))
        {
            wrong.Add($"request id {response["requestId"]} instead of {requestId}");
        }

        if (text.Contains("internal error", StringComparison.Ordinal) || template.Secrets.Any(s => text.Contains(s) || log.ToString().Contains(s)))
        {
            wrong.Add($"an internal error or a leaked secret: {text[..Math.Min(text.Length, 600)]}");
        }

        return wrong.Count == 0 ? null : $"after {string.Join(", ", broken)}: {string.Join("; ", wrong)}";
    });

    private static (JsonObject Fragment, JsonObject Values, JsonObject Params, List<string> Broken) Broken(GeneratedTemplate template)
    {
        var mutations = new BreakingMutations(template.Seed);
        var fragment = template.Fragment();
        var broken = mutations.Break(fragment, 1 + (template.Seed % 6));
        var values = (JsonObject)template.ParameterValues.DeepClone();
        var macroParams = new JsonObject();
        if (template.Seed % 5 == 0)
        {
            broken.AddRange(mutations.Break(values, 1).Select(b => $"templateParameterValues: {b}"));
            macroParams["Outputs"] = JsonValue.Create(template.Seed % 2 == 0);
            broken.AddRange(mutations.Break(macroParams, 1).Select(b => $"params: {b}"));
        }

        return (fragment, values, macroParams, broken);
    }

    /// <summary>The body as Lambda delivers it: written without a depth limit, as a client could.</summary>
    private static string Text(JsonObject body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { MaxDepth = 100_000 }))
        {
            body.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
