using System.Text.Json.Nodes;
using MacroVersioning.Tests.Core;

namespace MacroVersioning.Tests.References;

/// <summary>
/// A template with one resource <c>R</c>, a function <c>User</c> whose configuration names it and a
/// function <c>Bystander</c> that does not; the reference rows change R and read both ids.
/// </summary>
internal static class ReferenceTemplates
{
    public const string Code = "s3://bucket/app.zip";

    public static JsonObject Template(string resource, string userProperties, string? extraResources = null)
    {
        var fragment = Transform.Parse($$"""
            {
              "Parameters": { "TableName": { "Type": "String" } },
              "Resources": {
                "User": { "Type": "AWS::Serverless::Function", "Properties": { "CodeUri": "{{Code}}", "Handler": "app.handler", "Runtime": "python3.12", "Role": "arn:aws:iam::123456789012:role/app" } },
                "Bystander": { "Type": "AWS::Serverless::Function", "Properties": { "CodeUri": "{{Code}}", "Handler": "app.other", "Runtime": "python3.12", "Role": "arn:aws:iam::123456789012:role/app" } }
              }
            }
            """);
        var resources = (JsonObject)fragment["Resources"]!;
        resources["R"] = Transform.Parse(resource);
        foreach (var (id, value) in extraResources is null ? [] : Transform.Parse(extraResources))
        {
            resources[id] = value!.DeepClone();
        }

        var user = (JsonObject)resources["User"]!["Properties"]!;
        foreach (var (name, value) in Transform.Parse(userProperties))
        {
            user[name] = value!.DeepClone();
        }

        return fragment;
    }

    /// <summary>Sets (or, for null, removes) each key of <paramref name="change"/> on the resource's Properties.</summary>
    public static JsonObject Changed(JsonObject fragment, string resourceId, string change)
    {
        var copy = (JsonObject)fragment.DeepClone();
        var resource = (JsonObject)copy["Resources"]![resourceId]!;
        var properties = resource["Properties"] as JsonObject ?? (JsonObject)(resource["Properties"] = new JsonObject());
        foreach (var (name, value) in Transform.Parse(change))
        {
            properties.Remove(name);
            if (value is not null)
            {
                properties[name] = value.DeepClone();
            }
        }

        return copy;
    }

    /// <summary>Each function's version id; fails the test with the problems when the transform fails.</summary>
    public static Dictionary<string, string> Ids(JsonObject fragment, JsonObject? parameters = null, string? hashKey = null)
    {
        var result = Transform.Run(fragment, parameters ?? new JsonObject { ["TableName"] = "orders" }, hashKey: hashKey);
        result.Problems.Should().BeEmpty();
        return result.Functions.Where(f => f.Versioned).ToDictionary(f => f.FunctionId, f => f.VersionId!);
    }
}
