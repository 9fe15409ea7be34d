using System.Text.Json.Nodes;
using MacroVersioning.Tests.Fakes;

namespace MacroVersioning.Tests.Core;

/// <summary>
/// The templates the hash-rule tables change one property at a time: a SAM function and a plain
/// Lambda function with the usual properties, code in S3 served by an in-memory fake.
/// </summary>
internal static class HashRuleTemplates
{
    public const string ServerlessTemplate = """
        {
          "Parameters": { "Stage": { "Type": "String" }, "Unused": { "Type": "String" } },
          "Resources": {
            "Fn": {
              "Type": "AWS::Serverless::Function",
              "Properties": {
                "CodeUri": "s3://bucket/app.zip", "Handler": "app.handler", "Runtime": "python3.12",
                "MemorySize": 128, "Timeout": 3, "Environment": { "Variables": { "STAGE": { "Ref": "Stage" } } },
                "Layers": ["arn:aws:lambda:us-east-1:123456789012:layer:a:1", "arn:aws:lambda:us-east-1:123456789012:layer:b:1"],
                "Role": "arn:aws:iam::123456789012:role/app", "Tags": { "team": "core" }, "Events": {},
                "Policies": ["AWSLambdaBasicExecutionRole"], "ReservedConcurrentExecutions": 5
              }
            }
          }
        }
        """;

    public const string LambdaTemplate = """
        {
          "Parameters": { "Stage": { "Type": "String" }, "Unused": { "Type": "String" } },
          "Resources": {
            "Fn": {
              "Type": "AWS::Lambda::Function",
              "Properties": {
                "Code": { "S3Bucket": "bucket", "S3Key": "app.zip" }, "Handler": "app.handler", "Runtime": "python3.12",
                "MemorySize": 128, "Timeout": 3, "Environment": { "Variables": { "STAGE": { "Ref": "Stage" } } },
                "Layers": ["arn:aws:lambda:us-east-1:123456789012:layer:a:1", "arn:aws:lambda:us-east-1:123456789012:layer:b:1"],
                "Role": "arn:aws:iam::123456789012:role/app", "Tags": [{ "Key": "team", "Value": "core" }],
                "ReservedConcurrentExecutions": 5
              }
            }
          }
        }
        """;

    /// <summary>An ECR image pinned by digest, for the rows about image functions.</summary>
    public const string Image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app@sha256:1111111111111111111111111111111111111111111111111111111111111111";

    public const string OtherImage = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app@sha256:2222222222222222222222222222222222222222222222222222222222222222";

    public static JsonObject Params() => new() { ["Stage"] = "prod", ["Unused"] = "x" };

    /// <summary><c>app.zip</c> and <c>copy-of-app.zip</c> hold the same bytes; <c>app-v2.zip</c> others.</summary>
    public static FakeCodeIdentitySource Source() =>
        new FakeCodeIdentitySource().Put("s3://bucket/app.zip", "v1").Put("s3://bucket/copy-of-app.zip", "v1").Put("s3://bucket/app-v2.zip", "v2");

    /// <summary>
    /// The version id of <paramref name="template"/> after setting each key of <paramref name="change"/>
    /// (a JSON object) on the function <c>Fn</c>'s Properties, a null removing it. <c>Metadata</c> and
    /// <c>DependsOn</c> are resource attributes rather than properties, so they go on the resource.
    /// </summary>
    public static string IdWith(string template, string change)
    {
        var fragment = Transform.Parse(template);
        var resource = (JsonObject)fragment["Resources"]!["Fn"]!;
        var properties = (JsonObject)resource["Properties"]!;
        foreach (var (name, value) in Transform.Parse(change))
        {
            var target = name is "Metadata" or "DependsOn" ? resource : properties;
            target.Remove(name);
            if (value is not null)
            {
                target[name] = value.DeepClone();
            }
        }

        return Transform.VersionId(fragment, Params(), source: Source());
    }

    /// <summary>A row is named after the property it changes, then optionally how: "Environment (variable added)".</summary>
    public static string PropertyOf(string rowName) => rowName.Split(' ')[0];
}
