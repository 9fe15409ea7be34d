using MacroVersioning.Core.Functions;
using static MacroVersioning.Tests.Core.HashRuleTemplates;

namespace MacroVersioning.Tests.Core;

/// <summary>
/// SPEC §3 for <c>AWS::Serverless::Function</c>, written out property by property (not read from the
/// classifier, so moving a property between its lists fails here): each row sets a realistic value,
/// then changes it. A property Lambda snapshots into a version gives a new id; any other keeps it.
/// </summary>
public sealed class ServerlessFunctionHashRulesTests
{
    public static TheoryData<string, string, string> VersionLocked() => new()
    {
        { "CodeUri (new bytes)", """{ "CodeUri": "s3://bucket/app.zip" }""", """{ "CodeUri": "s3://bucket/app-v2.zip" }""" },
        { "InlineCode", """{ "CodeUri": null, "InlineCode": "def handler(e, c): return 1" }""", """{ "CodeUri": null, "InlineCode": "def handler(e, c): return 2" }""" },
        { "ImageUri", $$"""{ "CodeUri": null, "Handler": null, "Runtime": null, "PackageType": "Image", "ImageUri": "{{Image}}" }""", $$"""{ "CodeUri": null, "Handler": null, "Runtime": null, "PackageType": "Image", "ImageUri": "{{OtherImage}}" }""" },
        { "Runtime", """{ "Runtime": "python3.12" }""", """{ "Runtime": "python3.13" }""" },
        { "Handler", """{ "Handler": "app.handler" }""", """{ "Handler": "other.handler" }""" },
        { "MemorySize", """{ "MemorySize": 128 }""", """{ "MemorySize": 256 }""" },
        { "Timeout", """{ "Timeout": 3 }""", """{ "Timeout": 4 }""" },
        { "Environment (variable added)", """{ "Environment": { "Variables": { "STAGE": { "Ref": "Stage" } } } }""", """{ "Environment": { "Variables": { "STAGE": { "Ref": "Stage" }, "NEW": "1" } } }""" },
        { "Layers (order)", """{ "Layers": ["arn:aws:lambda:us-east-1:123456789012:layer:a:1", "arn:aws:lambda:us-east-1:123456789012:layer:b:1"] }""", """{ "Layers": ["arn:aws:lambda:us-east-1:123456789012:layer:b:1", "arn:aws:lambda:us-east-1:123456789012:layer:a:1"] }""" },
        { "Role", """{ "Role": "arn:aws:iam::123456789012:role/app" }""", """{ "Role": "arn:aws:iam::123456789012:role/other" }""" },
        { "VpcConfig", """{ "VpcConfig": { "SecurityGroupIds": ["sg-1"], "SubnetIds": ["subnet-1"] } }""", """{ "VpcConfig": { "SecurityGroupIds": ["sg-1"], "SubnetIds": ["subnet-2"] } }""" },
        { "DeadLetterQueue", """{ "DeadLetterQueue": { "Type": "SQS", "TargetArn": "arn:aws:sqs:us-east-1:123456789012:dlq" } }""", """{ "DeadLetterQueue": { "Type": "SQS", "TargetArn": "arn:aws:sqs:us-east-1:123456789012:dlq2" } }""" },
        { "Tracing", """{ "Tracing": "PassThrough" }""", """{ "Tracing": "Active" }""" },
        { "KmsKeyArn", """{ "KmsKeyArn": "arn:aws:kms:us-east-1:123456789012:key/k1" }""", """{ "KmsKeyArn": "arn:aws:kms:us-east-1:123456789012:key/k2" }""" },
        { "FileSystemConfigs", """{ "FileSystemConfigs": [{ "Arn": "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-1", "LocalMountPath": "/mnt/efs" }] }""", """{ "FileSystemConfigs": [{ "Arn": "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-1", "LocalMountPath": "/mnt/data" }] }""" },
        { "ImageConfig", $$"""{ "CodeUri": null, "Handler": null, "Runtime": null, "PackageType": "Image", "ImageUri": "{{Image}}", "ImageConfig": { "Command": ["app.handler"] } }""", $$"""{ "CodeUri": null, "Handler": null, "Runtime": null, "PackageType": "Image", "ImageUri": "{{Image}}", "ImageConfig": { "Command": ["other.handler"] } }""" },
        { "PackageType (Zip written out, then left to its default)", """{ "PackageType": "Zip" }""", """{ "PackageType": null }""" },
        { "Architectures", """{ "Architectures": ["x86_64"] }""", """{ "Architectures": ["arm64"] }""" },
        { "EphemeralStorage", """{ "EphemeralStorage": { "Size": 512 } }""", """{ "EphemeralStorage": { "Size": 1024 } }""" },
        { "SnapStart", """{ "SnapStart": { "ApplyOn": "None" } }""", """{ "SnapStart": { "ApplyOn": "PublishedVersions" } }""" },
        { "RuntimeManagementConfig", """{ "RuntimeManagementConfig": { "UpdateRuntimeOn": "Auto" } }""", """{ "RuntimeManagementConfig": { "UpdateRuntimeOn": "FunctionUpdate" } }""" },
        { "LoggingConfig", """{ "LoggingConfig": { "LogFormat": "Text" } }""", """{ "LoggingConfig": { "LogFormat": "JSON" } }""" },
        { "Description", """{ "Description": "orders api" }""", """{ "Description": "orders api, v2" }""" },
        { "FunctionName", """{ "FunctionName": "orders" }""", """{ "FunctionName": "orders-v2" }""" },
        { "SourceKMSKeyArn", """{ "SourceKMSKeyArn": "arn:aws:kms:us-east-1:123456789012:key/k1" }""", """{ "SourceKMSKeyArn": "arn:aws:kms:us-east-1:123456789012:key/k2" }""" },
        { "CapacityProviderConfig", """{ "CapacityProviderConfig": { "Arn": "arn:aws:lambda:us-east-1:123456789012:capacity-provider:cp1", "PerExecutionEnvironmentMaxConcurrency": 10 } }""", """{ "CapacityProviderConfig": { "Arn": "arn:aws:lambda:us-east-1:123456789012:capacity-provider:cp1", "PerExecutionEnvironmentMaxConcurrency": 20 } }""" },
        { "FunctionScalingConfig", """{ "FunctionScalingConfig": { "MinExecutionEnvironments": 1, "MaxExecutionEnvironments": 10 } }""", """{ "FunctionScalingConfig": { "MinExecutionEnvironments": 2, "MaxExecutionEnvironments": 10 } }""" },
        { "DurableConfig", """{ "DurableConfig": { "ExecutionTimeout": 900, "RetentionPeriodInDays": 7 } }""", """{ "DurableConfig": { "ExecutionTimeout": 3600, "RetentionPeriodInDays": 7 } }""" },
        { "PublishToLatestPublished", """{ "PublishToLatestPublished": false }""", """{ "PublishToLatestPublished": true }""" },
    };

    public static TheoryData<string, string, string> Unversioned() => new()
    {
        { "CodeUri (same bytes under a new key)", """{ "CodeUri": "s3://bucket/app.zip" }""", """{ "CodeUri": "s3://bucket/copy-of-app.zip" }""" },
        { "MemorySize (quoted)", """{ "MemorySize": 128 }""", """{ "MemorySize": "128" }""" },
        { "Timeout (quoted)", """{ "Timeout": 3 }""", """{ "Timeout": "3" }""" },
        { "Events", """{ "Events": {} }""", """{ "Events": { "Api": { "Type": "Api", "Properties": { "Path": "/", "Method": "get" } } } }""" },
        { "Policies", """{ "Policies": ["AWSLambdaBasicExecutionRole"] }""", """{ "Policies": ["AmazonS3ReadOnlyAccess"] }""" },
        { "Tags", """{ "Tags": { "team": "core" } }""", """{ "Tags": { "team": "payments" } }""" },
        { "PropagateTags", """{ "PropagateTags": false }""", """{ "PropagateTags": true }""" },
        { "ReservedConcurrentExecutions", """{ "ReservedConcurrentExecutions": 5 }""", """{ "ReservedConcurrentExecutions": 50 }""" },
        { "ProvisionedConcurrencyConfig", """{ "ProvisionedConcurrencyConfig": { "ProvisionedConcurrentExecutions": 1 } }""", """{ "ProvisionedConcurrencyConfig": { "ProvisionedConcurrentExecutions": 2 } }""" },
        { "CodeSigningConfigArn", """{ "CodeSigningConfigArn": "arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-1" }""", """{ "CodeSigningConfigArn": "arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-2" }""" },
        { "EventInvokeConfig", """{ "EventInvokeConfig": { "MaximumRetryAttempts": 2 } }""", """{ "EventInvokeConfig": { "MaximumRetryAttempts": 0 } }""" },
        { "FunctionUrlConfig", """{ "FunctionUrlConfig": { "AuthType": "AWS_IAM" } }""", """{ "FunctionUrlConfig": { "AuthType": "NONE" } }""" },
        { "Connectors", """{ "Connectors": { "Orders": { "Properties": { "Destination": { "Id": "Table" }, "Permissions": ["Read"] } } } }""", """{ "Connectors": { "Orders": { "Properties": { "Destination": { "Id": "Table" }, "Permissions": ["Read", "Write"] } } } }""" },
        { "PermissionsBoundary", """{ "PermissionsBoundary": "arn:aws:iam::123456789012:policy/b1" }""", """{ "PermissionsBoundary": "arn:aws:iam::123456789012:policy/b2" }""" },
        { "RolePath", """{ "RolePath": "/" }""", """{ "RolePath": "/app/" }""" },
        { "AssumeRolePolicyDocument", """{ "AssumeRolePolicyDocument": { "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Principal": { "Service": ["lambda.amazonaws.com"] }, "Action": ["sts:AssumeRole"] }] } }""", """{ "AssumeRolePolicyDocument": { "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Principal": { "Service": ["lambda.amazonaws.com", "edgelambda.amazonaws.com"] }, "Action": ["sts:AssumeRole"] }] } }""" },
        { "DeploymentPreference", """{ "DeploymentPreference": { "Type": "AllAtOnce" } }""", """{ "DeploymentPreference": { "Type": "Canary10Percent5Minutes" } }""" },
        { "AutoPublishAliasAllProperties", """{ "AutoPublishAliasAllProperties": false }""", """{ "AutoPublishAliasAllProperties": true }""" },
        { "AutoPublishCodeSha256", """{ "AutoPublishCodeSha256": "abc" }""", """{ "AutoPublishCodeSha256": "def" }""" },
        { "VersionDescription", """{ "VersionDescription": "v1" }""", """{ "VersionDescription": "v2" }""" },
        { "VersionDeletionPolicy", """{ "VersionDeletionPolicy": "Retain" }""", """{ "VersionDeletionPolicy": "Delete" }""" },
        { "RecursiveLoop", """{ "RecursiveLoop": "Terminate" }""", """{ "RecursiveLoop": "Allow" }""" },
        { "TenancyConfig", """{ "TenancyConfig": null }""", """{ "TenancyConfig": { "TenantIsolationMode": "PER_TENANT" } }""" },
        { "Metadata (resource attribute)", """{ "Metadata": { "BuildMethod": "python3.12" } }""", """{ "Metadata": { "BuildMethod": "makefile" } }""" },
        { "DependsOn (resource attribute)", """{ "DependsOn": "Table" }""", """{ "DependsOn": ["Table", "Queue"] }""" },
    };

    [Theory]
    [MemberData(nameof(VersionLocked))]
    public void A_version_locked_change_gives_a_new_id(string name, string before, string after) =>
        IdWith(ServerlessTemplate, after).Should().NotBe(IdWith(ServerlessTemplate, before), because: $"{name} is snapshotted into a version");

    [Theory]
    [MemberData(nameof(Unversioned))]
    public void A_change_Lambda_does_not_version_keeps_the_id(string name, string before, string after) =>
        IdWith(ServerlessTemplate, after).Should().Be(IdWith(ServerlessTemplate, before), because: $"{name} is not part of a Lambda version");

    [Fact]
    public void AutoPublishAlias_gets_the_same_hash_through_AutoPublishCodeSha256()
    {
        var plain = Transform.Run(Transform.Parse(ServerlessTemplate), Params(), source: Source());
        var fragment = Transform.Parse(ServerlessTemplate);
        fragment["Resources"]!["Fn"]!["Properties"]!["AutoPublishAlias"] = "live";

        var result = Transform.Run(fragment, Params(), source: Source());

        var report = result.Functions.Should().ContainSingle().Subject;
        report.VersionId.Should().Be(plain.Functions.Single().VersionId, "SAM names its version after the first 10 characters of the value: our hash");
        report.Via.Should().Be("AutoPublishAlias live");
        result.Fragment!["Resources"]!["Fn"]!["Properties"]!["AutoPublishCodeSha256"]!.GetValue<string>().Should().Be(report.VersionId!["FnVersion".Length..]);
    }

    [Fact]
    public void Every_property_the_classifier_knows_has_a_row()
    {
        var rows = VersionLocked().Concat(Unversioned()).Select(row => PropertyOf((string)row[0])).Append("AutoPublishAlias");

        PropertyClassifier.KnownProperties(PropertyClassifier.Serverless).Should().BeSubsetOf(rows);
    }
}
