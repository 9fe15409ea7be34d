using System.Text;

namespace MacroVersioning.Core.Resolution;

/// <summary>
/// The <c>${Name}</c> variables of an Fn::Sub string: from <c>${</c> to the next <c>}</c>, no nesting
/// (what the pattern <c>\$\{([^}]*)\}</c> matches). A hand-written scan: every function's
/// environment goes through here, and a regex with a callback cost a tenth of the transform.
/// See https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-sub.html
/// </summary>
internal static class SubVariables
{
    /// <param name="replace">Given the name and the whole <c>${…}</c> text, the text to put there.</param>
    public static string Replace(string template, Func<string, string, string> replace)
    {
        var start = template.IndexOf("${", StringComparison.Ordinal);
        if (start < 0)
        {
            return template;
        }

        var text = new StringBuilder(template.Length);
        var copied = 0;
        while (start >= 0)
        {
            var end = template.IndexOf('}', start + 2);
            if (end < 0)
            {
                break;
            }

            text.Append(template, copied, start - copied);
            text.Append(replace(template[(start + 2)..end], template[start..(end + 1)]));
            copied = end + 1;
            start = template.IndexOf("${", copied, StringComparison.Ordinal);
        }

        return text.Append(template, copied, template.Length - copied).ToString();
    }

    public static bool Any(string template)
    {
        var start = template.IndexOf("${", StringComparison.Ordinal);
        return start >= 0 && template.IndexOf('}', start + 2) >= 0;
    }
}
