namespace MacroVersioning.Cli;

/// <summary>
/// The YAML short forms of CloudFormation intrinsic functions (<c>!Ref</c>, <c>!GetAtt</c> …) and the
/// long-form keys they stand for. CloudFormation rejects a tag it does not know, so the reader does too.
/// See https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html.
/// </summary>
internal static class CfnShortForms
{
    private static readonly string[] Functions =
    [
        "And", "Base64", "Cidr", "Equals", "FindInMap", "GetAtt", "GetAZs", "If", "ImportValue", "Join",
        "Not", "Or", "Select", "Split", "Sub", "Transform",

        // Rule functions (Rules section); accepted so a template that uses them is not refused here.
        "Contains", "EachMemberEquals", "EachMemberIn", "RefAll", "ValueOf", "ValueOfAll",
    ];

    private static readonly Dictionary<string, string> KeyByTag = BuildKeyByTag();

    private static readonly Dictionary<string, string> TagByKey = KeyByTag.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>Every supported tag, for error messages.</summary>
    public static string SupportedTags => string.Join(", ", KeyByTag.Keys);

    /// <summary>The long-form key for a tag (<c>!GetAtt</c> → <c>Fn::GetAtt</c>, <c>!Ref</c> → <c>Ref</c>).</summary>
    public static bool TryGetKey(string tag, out string key) => KeyByTag.TryGetValue(tag, out key!);

    /// <summary>The tag for a long-form key, if it has one.</summary>
    public static bool TryGetTag(string key, out string tag) => TagByKey.TryGetValue(key, out tag!);

    private static Dictionary<string, string> BuildKeyByTag()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["!Ref"] = "Ref",
            ["!Condition"] = "Condition",
        };
        foreach (var name in Functions)
        {
            map[$"!{name}"] = $"Fn::{name}";
        }

        return map;
    }
}
