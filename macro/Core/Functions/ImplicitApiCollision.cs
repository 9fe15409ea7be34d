using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;

namespace MacroVersioning.Core.Functions;

/// <summary>
/// SAM gives the API it generates for <c>Api</c> and <c>HttpApi</c> events the logical ids
/// <c>ServerlessRestApi</c> and <c>ServerlessHttpApi</c>, and puts it in place of whatever resource had
/// that id (translator 1.110.0, plugins/api/implicit_api_plugin.py <c>on_before_transform_template</c>:
/// <c>template.set(IMPLICIT_API_LOGICAL_ID, ...)</c>; the author's resource comes back only when no
/// event added a path). A function with that id is then gone and the version the macro added points at
/// an API, so the deployment fails. Reported only when SAM would generate that API: an <c>Api</c> event
/// with non-empty Properties and no <c>RestApiId</c> (implicit_rest_api_plugin skips events without
/// Properties), or an <c>HttpApi</c> event without <c>ApiId</c> (an empty one gets the $default route),
/// on an <c>AWS::Serverless::Function</c> or <c>AWS::Serverless::StateMachine</c>; an explicit
/// <c>RestApiId</c>/<c>ApiId</c> naming the implicit id counts too.
/// </summary>
internal static class ImplicitApiCollision
{
    private static readonly (string Id, string EventType, string ApiIdProperty)[] Apis =
    [
        ("ServerlessRestApi", "Api", "RestApiId"),
        ("ServerlessHttpApi", "HttpApi", "ApiId"),
    ];

    private static readonly HashSet<string> EventSources = ["AWS::Serverless::Function", "AWS::Serverless::StateMachine"];

    public static void Check(JsonObject resources, IEnumerable<FunctionCandidate> candidates, List<Problem> problems)
    {
        foreach (var function in candidates)
        {
            foreach (var (id, eventType, apiIdProperty) in Apis)
            {
                if (function.Id == id && Generated(resources, id, eventType, apiIdProperty))
                {
                    problems.Add(new Problem(
                        $"Resources.{id}",
                        $"is the logical id SAM gives the API it generates for {eventType} events without {apiIdProperty}, and SAM replaces this "
                        + "function with that API, so the version VersioningMacro adds would point at an API and the deployment would fail; "
                        + "rename the function (and the references to it)"));
                }
            }
        }
    }

    private static bool Generated(JsonObject resources, string id, string eventType, string apiIdProperty)
    {
        foreach (var (_, node) in resources)
        {
            if (node is not JsonObject resource || !EventSources.Contains(JsonText.ScalarText(resource["Type"]) ?? "")
                || (resource["Properties"] as JsonObject)?["Events"] is not JsonObject events)
            {
                continue;
            }

            foreach (var (_, item) in events)
            {
                if (item is JsonObject e && JsonText.ScalarText(e["Type"]) == eventType && Implicit(e["Properties"], id, eventType, apiIdProperty))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Implicit(JsonNode? properties, string id, string eventType, string apiIdProperty) => properties switch
    {
        null => eventType == "HttpApi",
        JsonObject { Count: 0 } => eventType == "HttpApi",
        JsonObject map => !map.TryGetPropertyValue(apiIdProperty, out var apiId) || ApiIdText(apiId) == id,
        _ => false,
    };

    /// <summary>What SAM reads as the API's id: a Ref's target, or the value itself (Api.get_rest_api_id_string).</summary>
    private static string? ApiIdText(JsonNode? apiId) =>
        apiId is JsonObject obj && obj.TryGetPropertyValue("Ref", out var target) ? JsonText.ScalarText(target) : JsonText.ScalarText(apiId);
}
