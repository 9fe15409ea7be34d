using System.Text.Json;
using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;

namespace MacroVersioning.Cli;

/// <summary>
/// Reads a template as CloudFormation does, JSON or YAML, deciding by content rather than file name:
/// text that starts with <c>{</c> is JSON (ECMA-404: no comments, no trailing commas), anything else is
/// YAML. JSON is not retried as YAML: YAML would read a JSON typo (a comment, a trailing comma) as data.
/// </summary>
internal static class TemplateReader
{
    public static JsonObject Read(string text, out TemplateFormat format)
    {
        var body = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (!body.StartsWith('{'))
        {
            format = TemplateFormat.Yaml;
            return CfnYamlReader.Read(text);
        }

        format = TemplateFormat.Json;
        return ReadJson(text.StartsWith('\uFEFF') ? text[1..] : text);
    }

    private static JsonObject ReadJson(string text)
    {
        try
        {
            var options = JsonText.DocumentOptions;
            options.AllowDuplicateProperties = false;
            return JsonNode.Parse(text, JsonText.NodeOptions, options) as JsonObject
                ?? throw new TemplateFormatException("a template must be a JSON object", 1, 1);
        }
        catch (JsonException e)
        {
            var (reason, line, column) = JsonSyntaxMessage.Describe(e, text);
            throw new TemplateFormatException(reason, line, column);
        }
    }
}
