using System.Text.Json.Nodes;
using MacroVersioning.Core;
using MacroVersioning.Tests.Cli;
using MacroVersioning.Tests.Fakes;

namespace MacroVersioning.Tests.Core;

/// <summary>
/// SPEC §3: a layer built in the same template enters the hash of every function that uses it, so a
/// change that gives the layer a new version ARN (the function then changes under Lambda) gives those
/// functions new ids, and only those. Each row sets a realistic value on one layer, then changes it.
/// </summary>
public sealed class LayerHashRulesTests
{
    private const string Template = """
        {
          "Conditions": { "Always": { "Fn::Equals": ["a", "a"] }, "AlsoAlways": { "Fn::Equals": ["b", "b"] } },
          "Resources": {
            "Queue": { "Type": "AWS::SQS::Queue" },
            "Topic": { "Type": "AWS::SNS::Topic" },
            "Deps": {
              "Type": "AWS::Serverless::LayerVersion",
              "Properties": {
                "ContentUri": "s3://bucket/deps.zip", "LayerName": "deps", "Description": "shared helpers",
                "CompatibleRuntimes": ["python3.12"], "CompatibleArchitectures": ["x86_64"], "LicenseInfo": "MIT",
                "RetentionPolicy": "Retain", "PublishLambdaVersion": false
              }
            },
            "RawDeps": {
              "Type": "AWS::Lambda::LayerVersion",
              "DeletionPolicy": "Retain",
              "Properties": {
                "Content": { "S3Bucket": "bucket", "S3Key": "raw.zip" }, "LayerName": "raw", "Description": "raw helpers",
                "CompatibleRuntimes": ["python3.12"], "CompatibleArchitectures": ["x86_64"], "LicenseInfo": "MIT"
              }
            },
            "UsesDeps": {
              "Type": "AWS::Serverless::Function",
              "Properties": { "CodeUri": "s3://bucket/app.zip", "Handler": "app.handler", "Runtime": "python3.12", "Layers": [{ "Ref": "Deps" }] }
            },
            "AlsoUsesDeps": {
              "Type": "AWS::Lambda::Function",
              "Properties": {
                "Code": { "S3Bucket": "bucket", "S3Key": "app.zip" }, "Handler": "app.handler", "Runtime": "python3.12",
                "Role": "arn:aws:iam::123456789012:role/app", "Layers": [{ "Ref": "Deps" }]
              }
            },
            "UsesRaw": {
              "Type": "AWS::Serverless::Function",
              "Properties": { "CodeUri": "s3://bucket/app.zip", "Handler": "app.handler", "Runtime": "python3.12", "Layers": [{ "Fn::GetAtt": ["RawDeps", "LayerVersionArn"] }] }
            },
            "NoLayer": {
              "Type": "AWS::Serverless::Function",
              "Properties": { "CodeUri": "s3://bucket/app.zip", "Handler": "app.handler", "Runtime": "python3.12" }
            }
          }
        }
        """;

    private static readonly Dictionary<string, string[]> Users = new()
    {
        ["Deps"] = ["UsesDeps", "AlsoUsesDeps"],
        ["RawDeps"] = ["UsesRaw"],
    };

    public static TheoryData<string, string, string, string> NewLayerVersion() => new()
    {
        { "ContentUri: S3 object with other bytes", "Deps", """{ "ContentUri": "s3://bucket/deps.zip" }""", """{ "ContentUri": "s3://bucket/deps-v2.zip" }""" },
        { "ContentUri: S3 object as Bucket and Key, other bytes", "Deps", """{ "ContentUri": { "Bucket": "bucket", "Key": "deps.zip" } }""", """{ "ContentUri": { "Bucket": "bucket", "Key": "deps-v2.zip" } }""" },
        { "ContentUri: local folder with other bytes", "Deps", """{ "ContentUri": "deps" }""", """{ "ContentUri": "deps-v2" }""" },
        { "ContentUri: same bytes under a new key (SAM renames its layer after ContentUri: a new ARN)", "Deps", """{ "ContentUri": "s3://bucket/deps.zip" }""", """{ "ContentUri": "s3://bucket/copy-of-deps.zip" }""" },
        { "ContentUri: same files in another folder", "Deps", """{ "ContentUri": "deps" }""", """{ "ContentUri": "deps-copy" }""" },
        { "Content: same bytes under a new key (a replaced LayerVersion: a new ARN)", "RawDeps", """{ "Content": { "S3Bucket": "bucket", "S3Key": "raw.zip" } }""", """{ "Content": { "S3Bucket": "bucket", "S3Key": "copy-of-raw.zip" } }""" },
        { "CompatibleRuntimes", "Deps", """{ "CompatibleRuntimes": ["python3.12"] }""", """{ "CompatibleRuntimes": ["python3.12", "python3.13"] }""" },
        { "CompatibleArchitectures", "Deps", """{ "CompatibleArchitectures": ["x86_64"] }""", """{ "CompatibleArchitectures": ["arm64"] }""" },
        { "Description", "Deps", """{ "Description": "shared helpers" }""", """{ "Description": "shared helpers, v2" }""" },
        { "LayerName", "Deps", """{ "LayerName": "deps" }""", """{ "LayerName": "deps-v2" }""" },
        { "LicenseInfo", "Deps", """{ "LicenseInfo": "MIT" }""", """{ "LicenseInfo": "Apache-2.0" }""" },
        { "RetentionPolicy (SAM names the layer's version resource after a hash that covers it)", "Deps", """{ "RetentionPolicy": "Retain" }""", """{ "RetentionPolicy": "Delete" }""" },
        { "PublishLambdaVersion", "Deps", """{ "PublishLambdaVersion": false }""", """{ "PublishLambdaVersion": true }""" },
        { "DependsOn on a SAM layer (SAM's layer name covers it)", "Deps", """{ "DependsOn": "Queue" }""", """{ "DependsOn": ["Queue", "Topic"] }""" },
        { "Condition on a SAM layer (SAM's layer name covers it)", "Deps", """{ "Condition": "Always" }""", """{ "Condition": "AlsoAlways" }""" },
        { "Content: S3 object with other bytes", "RawDeps", """{ "Content": { "S3Bucket": "bucket", "S3Key": "raw.zip" } }""", """{ "Content": { "S3Bucket": "bucket", "S3Key": "raw-v2.zip" } }""" },
        { "Lambda CompatibleRuntimes", "RawDeps", """{ "CompatibleRuntimes": ["python3.12"] }""", """{ "CompatibleRuntimes": ["python3.13"] }""" },
        { "Lambda CompatibleArchitectures", "RawDeps", """{ "CompatibleArchitectures": ["x86_64"] }""", """{ "CompatibleArchitectures": ["arm64"] }""" },
        { "Lambda Description", "RawDeps", """{ "Description": "raw helpers" }""", """{ "Description": "raw helpers, v2" }""" },
        { "Lambda LayerName", "RawDeps", """{ "LayerName": "raw" }""", """{ "LayerName": "raw-v2" }""" },
        { "Lambda LicenseInfo", "RawDeps", """{ "LicenseInfo": "MIT" }""", """{ "LicenseInfo": "Apache-2.0" }""" },
    };

    public static TheoryData<string, string, string, string> SameLayerVersion() => new()
    {
        { "Metadata (SAM leaves it out of its layer's name)", "Deps", """{ "Metadata": { "BuildMethod": "python3.12" } }""", """{ "Metadata": { "BuildMethod": "makefile" } }""" },
        { "DeletionPolicy (an attribute: the layer version is kept, not replaced)", "RawDeps", """{ "DeletionPolicy": "Retain" }""", """{ "DeletionPolicy": "Delete" }""" },
        { "UpdateReplacePolicy", "RawDeps", """{ "UpdateReplacePolicy": "Retain" }""", """{ "UpdateReplacePolicy": "Delete" }""" },
        { "DependsOn on a Lambda layer (an attribute: not replaced)", "RawDeps", """{ "DependsOn": "Queue" }""", """{ "DependsOn": ["Queue", "Topic"] }""" },
        { "DeletionPolicy on a SAM layer (SAM's layer name leaves it out)", "Deps", """{ "DeletionPolicy": "Retain" }""", """{ "DeletionPolicy": "Delete" }""" },
        { "Metadata", "RawDeps", """{ "Metadata": { "Owner": "platform" } }""", """{ "Metadata": { "Owner": "payments" } }""" },
    };

    [Theory]
    [MemberData(nameof(NewLayerVersion))]
    public async Task A_layer_change_gives_every_function_using_it_a_new_id(string name, string layer, string before, string after)
    {
        using var folder = Project();

        var old = await IdsWith(folder, layer, before);
        var changed = await IdsWith(folder, layer, after);

        foreach (var function in old.Keys)
        {
            if (Users[layer].Contains(function))
            {
                changed[function].Should().NotBe(old[function], because: $"{function} uses {layer}, and {name} makes a new layer version");
            }
            else
            {
                changed[function].Should().Be(old[function], because: $"{function} does not use {layer}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(SameLayerVersion))]
    public async Task A_layer_change_that_keeps_the_layer_version_keeps_every_id(string name, string layer, string before, string after)
    {
        using var folder = Project();

        var changed = await IdsWith(folder, layer, after);

        changed.Should().Equal(await IdsWith(folder, layer, before), because: $"{name} does not make a new layer version");
    }

    [Fact]
    public async Task In_location_mode_a_new_layer_key_gives_the_functions_using_it_a_new_id()
    {
        using var folder = Project();
        var location = new JsonObject { ["CodeIdentity"] = "location" };

        var old = await IdsWith(folder, "Deps", """{ "ContentUri": "s3://bucket/deps.zip" }""", location);
        var changed = await IdsWith(folder, "Deps", """{ "ContentUri": "s3://bucket/copy-of-deps.zip" }""", location);

        changed["UsesDeps"].Should().NotBe(old["UsesDeps"]);
        changed["NoLayer"].Should().Be(old["NoLayer"]);
    }

    [Fact]
    public async Task PublishLambdaVersion_from_Globals_reaches_the_functions_using_a_SAM_layer()
    {
        using var folder = Project();

        const string Unset = """{ "PublishLambdaVersion": null }""";

        var old = await IdsWith(folder, "Deps", Unset, globals: """{ "LayerVersion": { "PublishLambdaVersion": false } }""");
        var changed = await IdsWith(folder, "Deps", Unset, globals: """{ "LayerVersion": { "PublishLambdaVersion": true } }""");

        changed["UsesDeps"].Should().NotBe(old["UsesDeps"]);
        changed["AlsoUsesDeps"].Should().NotBe(old["AlsoUsesDeps"]);
        changed["UsesRaw"].Should().Be(old["UsesRaw"], because: "SAM's Globals do not reach a plain Lambda layer");
        changed["NoLayer"].Should().Be(old["NoLayer"]);
    }

    [Fact]
    public async Task Globals_LayerVersion_must_be_a_map()
    {
        var fragment = Transform.Parse(Template);
        fragment["Globals"] = new JsonObject { ["LayerVersion"] = "PublishLambdaVersion" };

        var result = await MacroTransformer.TransformAsync(
            new MacroRequest(fragment, [], [], "us-east-1", "123456789012"), TransformOptions.Lambda(null), new FakeCodeIdentitySource(), CancellationToken.None);

        result.Problems.Should().ContainSingle().Which.ToString().Should().Be("Globals.LayerVersion: must be a map of layer properties");
    }

    /// <summary>Layer folders for local previews: <c>deps-copy</c> holds the same files as <c>deps</c>, <c>deps-v2</c> others.</summary>
    private static CliTempDirectory Project()
    {
        var folder = new CliTempDirectory();
        folder.Write("deps/python/helpers.py", "VERSION = 1\n");
        folder.Write("deps-copy/python/helpers.py", "VERSION = 1\n");
        folder.Write("deps-v2/python/helpers.py", "VERSION = 2\n");
        return folder;
    }

    /// <summary>
    /// Every function's version id after setting each key of <paramref name="change"/> on the layer's
    /// Properties (null removes it); resource attributes (<c>Metadata</c>, <c>DependsOn</c>, <c>Condition</c>, the policies) go on the resource.
    /// </summary>
    private static async Task<Dictionary<string, string>> IdsWith(CliTempDirectory folder, string layer, string change, JsonObject? macroParams = null, string? globals = null)
    {
        var fragment = Transform.Parse(Template);
        if (globals is not null)
        {
            fragment["Globals"] = Transform.Parse(globals);
        }

        var resource = (JsonObject)fragment["Resources"]![layer]!;
        foreach (var (name, value) in Transform.Parse(change))
        {
            var target = name is "Metadata" or "DeletionPolicy" or "UpdateReplacePolicy" or "DependsOn" or "Condition" ? resource : (JsonObject)resource["Properties"]!;
            target.Remove(name);
            if (value is not null)
            {
                target[name] = value.DeepClone();
            }
        }

        var source = new FakeCodeIdentitySource()
            .Put("s3://bucket/deps.zip", "deps v1").Put("s3://bucket/copy-of-deps.zip", "deps v1").Put("s3://bucket/deps-v2.zip", "deps v2")
            .Put("s3://bucket/raw.zip", "raw v1").Put("s3://bucket/copy-of-raw.zip", "raw v1").Put("s3://bucket/raw-v2.zip", "raw v2");
        var result = await MacroTransformer.TransformAsync(
            new MacroRequest(fragment, [], macroParams ?? [], "us-east-1", "123456789012"),
            new TransformOptions(AllowLocalCode: true, LocalBaseDirectory: folder.Path),
            source,
            CancellationToken.None);
        result.Problems.Should().BeEmpty();
        return result.Functions.ToDictionary(f => f.FunctionId, f => f.VersionId!);
    }
}
