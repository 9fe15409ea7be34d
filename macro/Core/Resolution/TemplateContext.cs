using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;

namespace MacroVersioning.Core.Resolution;

/// <summary>
/// What is known at macro time: parameter values (defaults applied by CloudFormation), which of them
/// are NoEcho, the pseudo parameters that follow from the request, and the template's Conditions and
/// Mappings. <c>AWS::StackName</c>, <c>AWS::StackId</c> and <c>AWS::NotificationARNs</c> are unknown
/// before the stack operation, so they stay as written.
/// </summary>
internal sealed class TemplateContext
{
    private readonly Dictionary<string, JsonNode?> parameters;
    private readonly Dictionary<string, string> pseudo;

    public TemplateContext(JsonObject fragment, JsonObject parameterValues, string region, string accountId, byte[]? hashKey)
    {
        // Loops rather than LINQ over key-value pairs: those generic instantiations are compiled at
        // run time, a cost every cold start of the Lambda pays.
        parameters = new Dictionary<string, JsonNode?>(parameterValues.Count);
        foreach (var (name, value) in parameterValues)
        {
            parameters[name] = value;
        }

        var noEcho = new HashSet<string>(StringComparer.Ordinal);
        var ssmTyped = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, declaration) in fragment["Parameters"] as JsonObject ?? [])
        {
            if (NoEchoFlag.IsSecret(declaration))
            {
                noEcho.Add(name);
            }

            if (SsmParameterType.Of(declaration) is { } type)
            {
                ssmTyped[name] = type;
            }
        }

        NoEcho = noEcho;
        SsmTyped = ssmTyped;
        var partition = Partition(region);
        pseudo = new(StringComparer.Ordinal)
        {
            ["AWS::Region"] = region,
            ["AWS::AccountId"] = accountId,
            ["AWS::Partition"] = partition,
            ["AWS::URLSuffix"] = partition == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com",
        };
        Conditions = fragment["Conditions"] as JsonObject ?? [];
        Mappings = fragment["Mappings"] as JsonObject ?? [];
        Resources = fragment["Resources"] as JsonObject ?? [];
        HashKey = hashKey;
    }

    public IReadOnlySet<string> NoEcho { get; }

    /// <summary>Parameters whose value Parameter Store holds, by name, with their declared type.</summary>
    public IReadOnlyDictionary<string, string> SsmTyped { get; }

    public JsonObject Conditions { get; }

    public JsonObject Mappings { get; }

    public JsonObject Resources { get; }

    public byte[]? HashKey { get; }

    public bool TryGetParameter(string name, out JsonNode? value) => parameters.TryGetValue(name, out value);

    public bool TryGetPseudo(string name, out string value) => pseudo.TryGetValue(name, out value!);

    /// <summary>NoEcho values, for scrubbing any text that leaves the process.</summary>
    public IEnumerable<string> SecretValues() =>
        NoEcho.Where(parameters.ContainsKey)
            .SelectMany(n => parameters[n] is JsonArray a ? a.Select(JsonText.ScalarText) : [JsonText.ScalarText(parameters[n])])
            .OfType<string>()
            .Where(v => v.Length > 0);

    private static string Partition(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn"
        : region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov"
        : "aws";
}
