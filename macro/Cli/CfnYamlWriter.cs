using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MacroVersioning.Cli;

/// <summary>
/// Writes a template as CloudFormation YAML that <see cref="CfnYamlReader"/> reads back to the same JSON:
/// intrinsics in short form where that is exact (<c>!Ref X</c>, <c>!GetAtt A.B</c>, <c>!Sub |</c>), long form
/// otherwise; strings that YAML 1.1 would read as another type are quoted; multi-line strings are literal
/// blocks; numbers keep their text.
/// </summary>
internal static partial class CfnYamlWriter
{
    private const string YamlTagPrefix = "tag:yaml.org,2002:";

    public static string Write(JsonObject template)
    {
        var text = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(text, new EmitterSettings(2, int.MaxValue, false, 1024, false, true, "\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, true));
        WriteNode(emitter, template);
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void WriteNode(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj when ShortForm(obj) is var (tag, argument):
                WriteTagged(emitter, tag, argument);
                break;
            case JsonObject obj:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, obj.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, value) in obj)
                {
                    WriteString(emitter, key);
                    WriteNode(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonArray array:
                WriteSequence(emitter, TagName.Empty, array);
                break;
            case null:
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, "null", ScalarStyle.Plain, true, false));
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                WriteString(emitter, value.GetValue<string>());
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                WriteNumber(emitter, value.ToJsonString());
                break;
            default:
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, node.ToJsonString(), ScalarStyle.Plain, true, false));
                break;
        }
    }

    /// <summary>The tag and its argument when <paramref name="obj"/> is an intrinsic whose short form reads back exactly.</summary>
    private static (string Tag, JsonNode Argument)? ShortForm(JsonObject obj)
    {
        if (obj.Count != 1 || !CfnShortForms.TryGetTag(obj.First().Key, out var tag) || obj.First().Value is not { } argument)
        {
            return null;
        }

        var kind = argument.GetValueKind();

        // !GetAtt on a scalar always reads back as a list, so the string form "A.B" stays long form.
        var fits = kind is JsonValueKind.Object or JsonValueKind.Array || (kind is JsonValueKind.String && tag != "!GetAtt");
        return fits ? (tag, argument) : null;
    }

    private static void WriteTagged(IEmitter emitter, string tag, JsonNode argument)
    {
        var tagName = new TagName(tag);
        switch (argument)
        {
            // Split at the first dot on reading, so the resource must not contain one.
            case JsonArray { Count: 2 } pair when tag == "!GetAtt" && DottedGetAtt(pair) is { } text:
                emitter.Emit(new Scalar(AnchorName.Empty, tagName, text, ScalarStyle.Any, false, false));
                break;
            case JsonArray array:
                WriteSequence(emitter, tagName, array);
                break;
            case JsonObject obj:
                emitter.Emit(new MappingStart(AnchorName.Empty, tagName, false, obj.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, value) in obj)
                {
                    WriteString(emitter, key);
                    WriteNode(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            default:
                var argumentText = argument.GetValue<string>();
                emitter.Emit(new Scalar(AnchorName.Empty, tagName, argumentText, StyleFor(argumentText, tagged: true), false, false));
                break;
        }
    }

    private static string? DottedGetAtt(JsonArray pair) =>
        pair[0] is JsonValue resource && resource.GetValueKind() == JsonValueKind.String && SimpleName().IsMatch(resource.GetValue<string>())
        && pair[1] is JsonValue attribute && attribute.GetValueKind() == JsonValueKind.String && attribute.GetValue<string>().Length > 0
            ? $"{resource.GetValue<string>()}.{attribute.GetValue<string>()}"
            : null;

    private static void WriteSequence(IEmitter emitter, TagName tag, JsonArray array)
    {
        emitter.Emit(new SequenceStart(AnchorName.Empty, tag, tag.IsEmpty, array.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
        foreach (var item in array)
        {
            WriteNode(emitter, item);
        }

        emitter.Emit(new SequenceEnd());
    }

    private static void WriteString(IEmitter emitter, string value) =>
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, StyleFor(value, tagged: false), true, true));

    /// <summary>
    /// Double quotes for what only escapes can carry (carriage returns, control characters) and for tabs
    /// on one line or leading a block (YamlDotNet would emit them where it, PyYAML or libyaml misread
    /// them), literal blocks for other multi-line text, single
    /// quotes for untagged text that would read as another type, else whatever YamlDotNet finds safe.
    /// </summary>
    private static ScalarStyle StyleFor(string value, bool tagged) =>
        value.Any(c => c < ' ' && c is not '\n' and not '\t') || value.StartsWith('\t') || (value.Contains('\t', StringComparison.Ordinal) && !value.Contains('\n', StringComparison.Ordinal))
            ? ScalarStyle.DoubleQuoted
        : value.Contains('\n', StringComparison.Ordinal) ? ScalarStyle.Literal
        : !tagged && NeedsQuotes(value) ? ScalarStyle.SingleQuoted
        : ScalarStyle.Any;

    private static void WriteNumber(IEmitter emitter, string text)
    {
        if (Yaml11Scalars.IsPlainNumber(text))
        {
            emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, text, ScalarStyle.Plain, true, false));
            return;
        }

        // JSON numbers YAML 1.1 reads as text (1e3): an explicit tag keeps them numbers.
        var tag = IntegerText().IsMatch(text) ? "int" : "float";
        emitter.Emit(new Scalar(AnchorName.Empty, new TagName(YamlTagPrefix + tag), text, ScalarStyle.Plain, false, false));
    }

    /// <summary>
    /// Strings a plain scalar would turn into another type, here or in YAML 1.2 / PyYAML readers (timestamps,
    /// <c>y</c>/<c>n</c>, number-like text), and the merge key.
    /// </summary>
    private static bool NeedsQuotes(string value) =>
        Yaml11Scalars.IsNonString(value) || LooksTyped().IsMatch(value) || value is "<<" or "=";

    [GeneratedRegex(@"^[A-Za-z0-9]+$")]
    private static partial Regex SimpleName();

    [GeneratedRegex(@"^-?[0-9]+$")]
    private static partial Regex IntegerText();

    [GeneratedRegex(@"^(?:[-+]?\.?[0-9]|[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$|[yYnN]$)")]
    private static partial Regex LooksTyped();
}
