using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;
using MacroVersioning.Core.Resolution;

namespace MacroVersioning.Core.References;

/// <summary>
/// Finds the resources of the template that resolved configuration names: <c>Ref</c>,
/// <c>Fn::GetAtt</c> (list or "A.B" form) and the variables of <c>Fn::Sub</c>, where a variable
/// defined in the Sub's own map shadows a resource of that name. Parameters and pseudo parameters were
/// replaced by their values before this runs, so what remains of a <c>Ref</c> is a resource or unknown.
/// </summary>
internal static class ReferenceFinder
{
    public static void Find(JsonNode? node, JsonObject resources, List<Reference> found)
    {
        if (Intrinsic.TryGet(node, out var name, out var argument))
        {
            switch (name)
            {
                case "Ref" when JsonText.ScalarText(argument) is { } target:
                    Add(target, null, resources, found);
                    return;
                case "Fn::GetAtt":
                    GetAtt(argument, resources, found);
                    return;
                case "Fn::Sub":
                    Sub(argument, resources, found);
                    return;
            }
        }

        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    Find(value, resources, found);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Find(item, resources, found);
                }

                break;
        }
    }

    private static void GetAtt(JsonNode? argument, JsonObject resources, List<Reference> found)
    {
        switch (argument)
        {
            case JsonArray { Count: 2 } list when JsonText.ScalarText(list[0]) is { } target:
                // An attribute given by an intrinsic is unknown here: treat it as non-identifying.
                var attribute = JsonText.ScalarText(list[1]) ?? "";
                Add(target, attribute, resources, found);
                break;
            case JsonValue when JsonText.ScalarText(argument) is { } dotted && dotted.IndexOf('.') is > 0 and var dot:
                Add(dotted[..dot], dotted[(dot + 1)..], resources, found);
                break;
        }
    }

    private static void Sub(JsonNode? argument, JsonObject resources, List<Reference> found)
    {
        var (template, variables) = argument switch
        {
            JsonArray { Count: 2 } list => (JsonText.ScalarText(list[0]), list[1] as JsonObject),
            _ => (JsonText.ScalarText(argument), null),
        };
        if (template is not null)
        {
            SubVariables.Replace(template, (variable, whole) =>
            {
                if (!variable.StartsWith('!') && variables?.ContainsKey(variable) != true)
                {
                    var dot = variable.IndexOf('.');
                    Add(dot > 0 ? variable[..dot] : variable, dot > 0 ? variable[(dot + 1)..] : null, resources, found);
                }

                return whole;
            });
        }

        Find(variables, resources, found);
    }

    /// <summary>
    /// <c>Fn.Version</c> (SAM's name for a function's version, which the macro rewrites to the version
    /// it adds) names the function: its version changes with the function's properties.
    /// </summary>
    private static void Add(string target, string? attribute, JsonObject resources, List<Reference> found)
    {
        if (resources.ContainsKey(target))
        {
            found.Add(new Reference(target, attribute));
            return;
        }

        var dot = target.IndexOf('.');
        if (dot > 0 && resources.ContainsKey(target[..dot]))
        {
            found.Add(new Reference(target[..dot], attribute is null ? target[(dot + 1)..] : $"{target[(dot + 1)..]}.{attribute}"));
        }
    }
}
