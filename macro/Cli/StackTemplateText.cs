using System.Text.Json;

namespace MacroVersioning.Cli;

/// <summary>
/// Accepts what <c>aws cloudformation get-template --query TemplateBody</c> prints: a JSON template
/// body prints as the object itself, a YAML one as a JSON string holding the YAML text (TemplateBody
/// is a string in the API; the CLI decodes it only when it is JSON).
/// </summary>
internal static class StackTemplateText
{
    public static string Unwrap(string text)
    {
        if (!text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('"'))
        {
            return text;
        }

        try
        {
            return JsonSerializer.Deserialize(text, StackTemplateJson.Default.String) ?? text;
        }
        catch (JsonException)
        {
            // Not one JSON string: let the template reader report it in its own words.
            return text;
        }
    }
}
