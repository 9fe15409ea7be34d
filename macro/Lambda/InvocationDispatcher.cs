using System.Text;
using System.Text.Json;
using MacroVersioning.Lambda.Prune;

namespace MacroVersioning.Lambda;

/// <summary>
/// The one handler the runtime loop calls: a CloudFormation custom-resource event (it carries <c>RequestType</c>
/// or <c>ResponseURL</c>, which a macro request never has) goes to the prune handler; everything else, broken
/// JSON included, to the macro handler, whose failure response explains what a macro request needs.
/// Looks only at top-level property names, without building the tree, and stops at a macro request's
/// <c>fragment</c>, so a 6 MB macro request is not read twice.
/// Never throws: both handlers answer every input.
/// </summary>
internal sealed class InvocationDispatcher(MacroHandler macro, PruneHandler prune)
{
    /// <summary>The macro request's template: no custom-resource event has it.</summary>
    private const string MacroFragment = "fragment";

    public Task<string> HandleAsync(string body, InvocationContext context, CancellationToken cancellationToken) =>
        IsCustomResourceEvent(body)
            ? prune.HandleAsync(body, context, cancellationToken)
            : macro.HandleAsync(body, FunctionArn.Unqualified(context.FunctionArn), cancellationToken);

    /// <summary>True when the body is a JSON object with a top-level <c>RequestType</c> or <c>ResponseURL</c>.</summary>
    internal static bool IsCustomResourceEvent(string body)
    {
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(body), new JsonReaderOptions { MaxDepth = 256 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals(MacroFragment))
                {
                    return false;
                }

                foreach (var marker in CustomResourceEvent.MarkerFields)
                {
                    if (reader.ValueTextEquals(marker))
                    {
                        return true;
                    }
                }

                reader.Read();
                reader.Skip();
            }

            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
