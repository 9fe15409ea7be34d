using System.Text.Json.Nodes;

namespace MacroVersioning.Tests.Lambda;

/// <summary>Macro request bodies shaped like CloudFormation's, for the Lambda tests.</summary>
internal static class MacroRequests
{
    /// <summary>A well-formed request whose template has no function, so any transform leaves it as it is.</summary>
    public static string Valid(string requestId = "req-1") => Edit(_ => { }, requestId);

    /// <summary>The valid request as a tree, changed by <paramref name="edit"/>, as text.</summary>
    public static string Edit(Action<JsonObject> edit, string requestId = "req-1")
    {
        var request = Tree(requestId);
        edit(request);
        return request.ToJsonString();
    }

    public static JsonObject Tree(string requestId = "req-1") => new()
    {
        ["region"] = "eu-west-1",
        ["accountId"] = "123456789012",
        ["fragment"] = new JsonObject
        {
            ["AWSTemplateFormatVersion"] = "2010-09-09",
            ["Resources"] = new JsonObject
            {
                ["Topic"] = new JsonObject { ["Type"] = "AWS::SNS::Topic" },
            },
        },
        ["transformId"] = "123456789012::VersioningMacro",
        ["params"] = new JsonObject(),
        ["requestId"] = requestId,
        ["templateParameterValues"] = new JsonObject(),
    };
}
