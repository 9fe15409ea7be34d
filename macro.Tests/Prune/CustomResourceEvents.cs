using System.Text.Json.Nodes;

namespace MacroVersioning.Tests.Prune;

/// <summary>Custom-resource requests shaped as the CloudFormation docs show them (crpg-ref-requests), with every scalar property a string.</summary>
internal static class CustomResourceEvents
{
    public const string StackId = "arn:aws:cloudformation:us-east-1:123456789012:stack/app/1134083a-2608-1e91-9897-022501a2c456";

    public static JsonObject Create(Uri responseUrl, string requestType = "Create") => new()
    {
        ["RequestType"] = requestType,
        ["ServiceToken"] = "arn:aws:lambda:us-east-1:123456789012:function:VersioningMacro",
        ["ResponseURL"] = responseUrl.OriginalString,
        ["StackId"] = StackId,
        ["RequestId"] = "5d478078-13e9-baf0-464a-7ef285ecc786",
        ["LogicalResourceId"] = "FnVersionPrune",
        ["ResourceType"] = "Custom::VersioningMacroPrune",
        ["ResourceProperties"] = new JsonObject
        {
            ["ServiceToken"] = "arn:aws:lambda:us-east-1:123456789012:function:VersioningMacro",
            ["FunctionName"] = "app-Fn-1ABC",
            ["KeepVersions"] = "3",
            ["Version"] = "arn:aws:lambda:us-east-1:123456789012:function:app-Fn-1ABC:7",
        },
    };

    public static JsonObject Update(Uri responseUrl)
    {
        var update = Create(responseUrl, "Update");
        update["PhysicalResourceId"] = "FnVersionPrune-0011223344556677";
        update["OldResourceProperties"] = new JsonObject
        {
            ["ServiceToken"] = "arn:aws:lambda:us-east-1:123456789012:function:VersioningMacro",
            ["FunctionName"] = "app-Fn-1ABC",
            ["KeepVersions"] = "3",
            ["Version"] = "arn:aws:lambda:us-east-1:123456789012:function:app-Fn-1ABC:6",
        };
        return update;
    }

    /// <summary>An Update of a prune resource for <paramref name="functionName"/> in a stack of <paramref name="region"/>.</summary>
    public static JsonObject PruneUpdate(Uri responseUrl, string region, string functionName, int keep, string addedVersion, string previousVersion)
    {
        var update = Update(responseUrl);
        update["StackId"] = StackId.Replace("us-east-1", region, StringComparison.Ordinal);
        update["ResourceProperties"]!["FunctionName"] = functionName;
        update["ResourceProperties"]!["KeepVersions"] = keep.ToString(System.Globalization.CultureInfo.InvariantCulture);
        update["ResourceProperties"]!["Version"] = addedVersion;
        update["OldResourceProperties"]!["Version"] = previousVersion;
        return update;
    }

    public static JsonObject Delete(Uri responseUrl)
    {
        var delete = Update(responseUrl);
        delete["RequestType"] = "Delete";
        delete.Remove("OldResourceProperties");
        return delete;
    }
}
