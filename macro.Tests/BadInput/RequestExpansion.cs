using System.Text;
using System.Text.RegularExpressions;

namespace MacroVersioning.Tests.BadInput;

/// <summary>
/// Expands <c>"$expand:KIND:N[:M]"</c> string tokens in a case's <c>request.json</c> into generated JSON
/// text, so huge or very deep requests stay a few readable lines in the repository. Expansion is
/// textual: a 10,000-level value never passes through a JSON writer (which would refuse it).
/// Kinds: <c>nested-objects:N</c>, <c>nested-arrays:N</c>, <c>nested-not:N</c> (N nested
/// <c>Fn::Not</c>), <c>string:N</c> (N characters), <c>condition-chain:N</c> (Conditions C0…CN, each
/// referring to the next), <c>sam-resources:F:T</c> (F functions and T SNS topics).
/// </summary>
internal static partial class RequestExpansion
{
    [GeneratedRegex("\"\\$expand:([a-z-]+):(\\d+)(?::(\\d+))?\"")]
    private static partial Regex Token();

    public static string Expand(string text) =>
        Token().Replace(text, m => Generate(m.Groups[1].Value, int.Parse(m.Groups[2].Value), m.Groups[3].Success ? int.Parse(m.Groups[3].Value) : 0));

    private static string Generate(string kind, int n, int m) => kind switch
    {
        "nested-objects" => Nest(n, "{\"a\":", "}"),
        "nested-arrays" => Nest(n, "[", "]"),
        "nested-not" => Nest(n, "{\"Fn::Not\":[", "]}", "{\"Fn::Equals\":[\"a\",\"a\"]}"),
        "string" => $"\"{new string('x', n)}\"",
        "condition-chain" => ConditionChain(n),
        "sam-resources" => SamResources(n, m),
        _ => throw new ArgumentException($"unknown $expand kind {kind}"),
    };

    private static string Nest(int depth, string open, string close, string leaf = "\"leaf\"") =>
        string.Concat(Enumerable.Repeat(open, depth)) + leaf + string.Concat(Enumerable.Repeat(close, depth));

    private static string ConditionChain(int length)
    {
        var text = new StringBuilder("{");
        for (var i = 0; i < length; i++)
        {
            text.Append($"\"C{i}\":{{\"Condition\":\"C{i + 1}\"}},");
        }

        return text.Append($"\"C{length}\":{{\"Fn::Equals\":[\"a\",\"a\"]}}}}").ToString();
    }

    private static string SamResources(int functions, int topics)
    {
        var items = Enumerable.Range(0, functions)
            .Select(i => $"\"Fn{i}\":{{\"Type\":\"AWS::Serverless::Function\",\"Properties\":{{\"CodeUri\":\"s3://bucket/fn{i}.zip\",\"Handler\":\"app.handler\",\"Runtime\":\"python3.12\"}}}}")
            .Concat(Enumerable.Range(0, topics).Select(i => $"\"Topic{i}\":{{\"Type\":\"AWS::SNS::Topic\"}}"));
        return "{" + string.Join(",", items) + "}";
    }
}
