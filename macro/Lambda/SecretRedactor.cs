using System.Text.Json;
using System.Text.Json.Nodes;
using MacroVersioning.Core.Resolution;

namespace MacroVersioning.Lambda;

/// <summary>
/// The last line of defence for NoEcho parameters: every value of a parameter declared NoEcho (read
/// as the core reads it, <see cref="NoEchoFlag"/>) is masked in whatever text leaves the handler (error message, log line).
/// The core already keeps these values out of its messages; this catches the case it missed.
/// See https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html
/// </summary>
internal sealed class SecretRedactor
{
    public const string Mask = "****";

    // Longest first, so a secret that contains another is masked whole.
    private readonly string[] secrets;

    private SecretRedactor(IEnumerable<string> secrets) =>
        this.secrets = [.. secrets.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];

    public static SecretRedactor None { get; } = new([]);

    /// <summary>Reads <c>Parameters.&lt;Name&gt;.NoEcho</c> from the fragment and the values from the request.</summary>
    public static SecretRedactor FromRequest(JsonObject? fragment, JsonObject? templateParameterValues)
    {
        if (fragment?["Parameters"] is not JsonObject parameters || templateParameterValues is null)
        {
            return None;
        }

        var secrets = new List<string>();
        foreach (var (name, declaration) in parameters)
        {
            if (NoEchoFlag.IsSecret(declaration) && templateParameterValues[name] is { } value)
            {
                secrets.AddRange(ValuesOf(value));
            }
        }

        return new SecretRedactor(secrets);
    }

    public string Redact(string text)
    {
        foreach (var secret in secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    private static IEnumerable<string> ValuesOf(JsonNode value)
    {
        if (value is JsonArray items)
        {
            var texts = items.Select(Text).OfType<string>().ToList();
            return [.. texts, string.Join(',', texts)];
        }

        return Text(value) is { } text ? [text] : [];
    }

    private static string? Text(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.String => node.GetValue<string>(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => node.ToJsonString(),
        _ => null,
    };
}
