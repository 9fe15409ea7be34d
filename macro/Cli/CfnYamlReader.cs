using System.Text.Json;
using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MacroVersioning.Cli;

/// <summary>
/// Reads a CloudFormation YAML template into the JSON CloudFormation hands a macro: short-form
/// intrinsics become long form (<c>!GetAtt A.B</c> → <c>{"Fn::GetAtt": ["A", "B"]}</c>), plain scalars
/// get their YAML 1.1 meaning (<see cref="Yaml11Scalars"/>), quoted scalars stay strings, key order is
/// kept. What CloudFormation refuses is refused here with its line and column: unknown tags, aliases,
/// merge keys (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-formats.html),
/// and duplicate keys.
/// </summary>
internal static class CfnYamlReader
{
    private const string YamlTagPrefix = "tag:yaml.org,2002:";

    private static readonly int MaxDepth = JsonText.DocumentOptions.MaxDepth;

    public static JsonObject Read(string text)
    {
        // YamlDotNet does not skip a byte order mark in a string.
        var parser = new Parser(new StringReader(text.StartsWith('\uFEFF') ? text[1..] : text));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out var end))
            {
                throw Error(end.Start, "the template is empty");
            }

            parser.Consume<DocumentStart>();
            var start = parser.Current!.Start;
            var root = ReadNode(parser, 0);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var second))
            {
                throw Error(second.Start, "a template is one YAML document; remove the second document (after ---)");
            }

            return root as JsonObject
                ?? throw Error(start, "a template must be a mapping of sections (AWSTemplateFormatVersion, Parameters, Resources, ...)");
        }
        catch (YamlException e)
        {
            throw new TemplateFormatException(e.Message, (int)e.Start.Line, (int)e.Start.Column);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's parser fails this way on some unterminated flow collections; point after the last good node.
            var mark = parser.Current?.End ?? Mark.Empty;
            throw Error(mark, "malformed YAML after this point: an unclosed [, { or quote?");
        }
    }

    private static JsonNode? ReadNode(IParser parser, int depth)
    {
        var current = parser.Current!;
        if (depth > MaxDepth)
        {
            // As deep as the JSON reader allows (JsonText.DocumentOptions), and no stack overflow on hostile input.
            throw Error(current.Start, $"the template nests deeper than {MaxDepth} levels");
        }

        if (current is AnchorAlias alias)
        {
            throw Error(alias.Start, $"CloudFormation does not support YAML aliases (*{alias.Value}); repeat the value instead");
        }

        var node = (NodeEvent)current;
        var tag = node.Tag.IsEmpty ? null : node.Tag.Value;
        if (tag is not null && tag.StartsWith('!') && tag != "!")
        {
            if (!CfnShortForms.TryGetKey(tag, out var key))
            {
                throw Error(node.Start, $"unknown tag {tag}; CloudFormation's short forms are {CfnShortForms.SupportedTags}");
            }

            return new JsonObject { [key] = ReadIntrinsicArgument(parser, key, depth + 1) };
        }

        return ReadUntagged(parser, tag, depth);
    }

    private static JsonNode? ReadIntrinsicArgument(IParser parser, string key, int depth)
    {
        if (parser.Current is Scalar scalar)
        {
            parser.MoveNext();
            return key == "Fn::GetAtt"
                ? new JsonArray([.. scalar.Value.Split('.', 2).Select(part => (JsonNode)JsonValue.Create(part))])
                : JsonValue.Create(scalar.Value);
        }

        return ReadUntagged(parser, null, depth);
    }

    private static JsonNode? ReadUntagged(IParser parser, string? tag, int depth)
    {
        switch (parser.Current)
        {
            case Scalar scalar:
                parser.MoveNext();
                return ReadScalar(scalar, tag);
            case SequenceStart sequence:
                RequireTag(tag, "seq", sequence.Start);
                return ReadSequence(parser, depth);
            case MappingStart mapping:
                RequireTag(tag, "map", mapping.Start);
                return ReadMapping(parser, depth);
            default:
                throw Error(parser.Current!.Start, $"unexpected {parser.Current.GetType().Name}");
        }
    }

    private static JsonNode? ReadScalar(Scalar scalar, string? tag)
    {
        if (tag is null)
        {
            return scalar.Style is ScalarStyle.Plain ? Yaml11Scalars.Resolve(scalar.Value) : JsonValue.Create(scalar.Value);
        }

        if (tag is "!" or YamlTagPrefix + "str")
        {
            return JsonValue.Create(scalar.Value);
        }

        var resolved = Yaml11Scalars.IsJsonNumber(scalar.Value) ? Yaml11Scalars.Number(scalar.Value) : Yaml11Scalars.Resolve(scalar.Value);
        var kind = resolved?.GetValueKind() ?? JsonValueKind.Null;
        var fits = tag switch
        {
            YamlTagPrefix + "int" or YamlTagPrefix + "float" => kind is JsonValueKind.Number,
            YamlTagPrefix + "bool" => kind is JsonValueKind.True or JsonValueKind.False,
            YamlTagPrefix + "null" => kind is JsonValueKind.Null,
            _ => throw Error(scalar.Start, $"CloudFormation does not support the tag {tag}"),
        };
        return fits ? resolved : throw Error(scalar.Start, $"{scalar.Value} is not a valid {tag[YamlTagPrefix.Length..]}");
    }

    private static void RequireTag(string? tag, string kind, Mark start)
    {
        if (tag is not null && tag != "!" && tag != YamlTagPrefix + kind)
        {
            throw Error(start, $"CloudFormation does not support the tag {tag}");
        }
    }

    private static JsonArray ReadSequence(IParser parser, int depth)
    {
        parser.MoveNext();
        var array = new JsonArray();
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            array.Add(ReadNode(parser, depth + 1));
        }

        return array;
    }

    private static JsonObject ReadMapping(IParser parser, int depth)
    {
        parser.MoveNext();
        var map = new JsonObject();
        var keyLines = new Dictionary<string, long>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            if (parser.Current is not Scalar key || (!key.Tag.IsEmpty && key.Tag.Value is not ("!" or YamlTagPrefix + "str")))
            {
                throw Error(parser.Current!.Start, "a mapping key must be a string");
            }

            if (key.Value.Length == 0 && key.Style is ScalarStyle.Plain)
            {
                throw Error(key.Start, "a mapping key is missing");
            }

            if (key.Value == "<<" && key.Style is ScalarStyle.Plain)
            {
                throw Error(key.Start, "CloudFormation does not support YAML merge keys (<<); write the keys out");
            }

            if (keyLines.TryGetValue(key.Value, out var firstLine))
            {
                throw Error(key.Start, $"duplicate key {key.Value} (first at line {firstLine}); keep one: CloudFormation's handling of duplicates is undefined");
            }

            keyLines[key.Value] = key.Start.Line;
            parser.MoveNext();
            map[key.Value] = ReadNode(parser, depth + 1);
        }

        return map;
    }

    private static TemplateFormatException Error(Mark mark, string reason) => new(reason, (int)mark.Line, (int)mark.Column);
}
