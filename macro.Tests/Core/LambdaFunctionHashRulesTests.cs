using MacroVersioning.Core.Functions;
using static MacroVersioning.Tests.Core.HashRuleTemplates;

namespace MacroVersioning.Tests.Core;

/// <summary>
/// SPEC §3 for a plain <c>AWS::Lambda::Function</c>, written out property by property (not read from
/// the classifier, so moving a property between its lists fails here): each row sets a realistic
/// value, then changes it. A property Lambda snapshots into a version gives a new id; any other keeps it.
/// </summary>
public sealed class LambdaFunctionHashRulesTests
{
    public static TheoryData<string, string, string> VersionLocked() => new()
    {
        { "Code (new bytes)", """{ "Code": { "S3Bucket": "bucket", "S3Key": "app.zip" } }""", """{ "Code": { "S3Bucket": "bucket", "S3Key": "app-v2.zip" } }""" },
        { "Code (ZipFile)", """{ "Code": { "ZipFile": "def handler(e, c): return 1" } }""", """{ "Code": { "ZipFile": "def handler(e, c): return 2" } }""" },
        { "Code (ImageUri)", $$"""{ "Handler": null, "Runtime": null, "PackageType": "Image", "Code": { "ImageUri": "{{Image}}" } }""", $$"""{ "Handler": null, "Runtime": null, "PackageType": "Image", "Code": { "ImageUri": "{{OtherImage}}" } }""" },
        { "Code.SourceKMSKeyArn", """{ "Code": { "S3Bucket": "bucket", "S3Key": "app.zip", "SourceKMSKeyArn": "arn:aws:kms:us-east-1:123456789012:key/k1" } }""", """{ "Code": { "S3Bucket": "bucket", "S3Key": "app.zip", "SourceKMSKeyArn": "arn:aws:kms:us-east-1:123456789012:key/k2" } }""" },
        { "Runtime", """{ "Runtime": "python3.12" }""", """{ "Runtime": "python3.13" }""" },
        { "Handler", """{ "Handler": "app.handler" }""", """{ "Handler": "other.handler" }""" },
        { "MemorySize", """{ "MemorySize": 128 }""", """{ "MemorySize": 256 }""" },
        { "Timeout", """{ "Timeout": 3 }""", """{ "Timeout": 4 }""" },
        { "Environment (variable added)", """{ "Environment": { "Variables": { "STAGE": { "Ref": "Stage" } } } }""", """{ "Environment": { "Variables": { "STAGE": { "Ref": "Stage" }, "NEW": "1" } } }""" },
        { "Layers (order)", """{ "Layers": ["arn:aws:lambda:us-east-1:123456789012:layer:a:1", "arn:aws:lambda:us-east-1:123456789012:layer:b:1"] }""", """{ "Layers": ["arn:aws:lambda:us-east-1:123456789012:layer:b:1", "arn:aws:lambda:us-east-1:123456789012:layer:a:1"] }""" },
        { "Role", """{ "Role": "arn:aws:iam::123456789012:role/app" }""", """{ "Role": "arn:aws:iam::123456789012:role/other" }""" },
        { "VpcConfig", """{ "VpcConfig": { "SecurityGroupIds": ["sg-1"], "SubnetIds": ["subnet-1"] } }""", """{ "VpcConfig": { "SecurityGroupIds": ["sg-1"], "SubnetIds": ["subnet-2"] } }""" },
        { "DeadLetterConfig", """{ "DeadLetterConfig": { "TargetArn": "arn:aws:sqs:us-east-1:123456789012:dlq" } }""", """{ "DeadLetterConfig": { "TargetArn": "arn:aws:sqs:us-east-1:123456789012:dlq2" } }""" },
        { "TracingConfig", """{ "TracingConfig": { "Mode": "PassThrough" } }""", """{ "TracingConfig": { "Mode": "Active" } }""" },
        { "KmsKeyArn", """{ "KmsKeyArn": "arn:aws:kms:us-east-1:123456789012:key/k1" }""", """{ "KmsKeyArn": "arn:aws:kms:us-east-1:123456789012:key/k2" }""" },
        { "FileSystemConfigs", """{ "FileSystemConfigs": [{ "Arn": "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-1", "LocalMountPath": "/mnt/efs" }] }""", """{ "FileSystemConfigs": [{ "Arn": "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-1", "LocalMountPath": "/mnt/data" }] }""" },
        { "ImageConfig", $$"""{ "Handler": null, "Runtime": null, "PackageType": "Image", "Code": { "ImageUri": "{{Image}}" }, "ImageConfig": { "Command": ["app.handler"] } }""", $$"""{ "Handler": null, "Runtime": null, "PackageType": "Image", "Code": { "ImageUri": "{{Image}}" }, "ImageConfig": { "Command": ["other.handler"] } }""" },
        { "PackageType (Zip written out, then left to its default)", """{ "PackageType": "Zip" }""", """{ "PackageType": null }""" },
        { "Architectures", """{ "Architectures": ["x86_64"] }""", """{ "Architectures": ["arm64"] }""" },
        { "EphemeralStorage", """{ "EphemeralStorage": { "Size": 512 } }""", """{ "EphemeralStorage": { "Size": 1024 } }""" },
        { "SnapStart", """{ "SnapStart": { "ApplyOn": "None" } }""", """{ "SnapStart": { "ApplyOn": "PublishedVersions" } }""" },
        { "RuntimeManagementConfig", """{ "RuntimeManagementConfig": { "UpdateRuntimeOn": "Auto" } }""", """{ "RuntimeManagementConfig": { "UpdateRuntimeOn": "FunctionUpdate" } }""" },
        { "LoggingConfig", """{ "LoggingConfig": { "LogFormat": "Text" } }""", """{ "LoggingConfig": { "LogFormat": "JSON" } }""" },
        { "Description", """{ "Description": "orders api" }""", """{ "Description": "orders api, v2" }""" },
        { "FunctionName", """{ "FunctionName": "orders" }""", """{ "FunctionName": "orders-v2" }""" },
        { "CapacityProviderConfig", """{ "CapacityProviderConfig": { "LambdaManagedInstancesCapacityProviderConfig": { "CapacityProviderArn": "arn:aws:lambda:us-east-1:123456789012:capacity-provider:cp1", "PerExecutionEnvironmentMaxConcurrency": 10 } } }""", """{ "CapacityProviderConfig": { "LambdaManagedInstancesCapacityProviderConfig": { "CapacityProviderArn": "arn:aws:lambda:us-east-1:123456789012:capacity-provider:cp1", "PerExecutionEnvironmentMaxConcurrency": 20 } } }""" },
        { "FunctionScalingConfig", """{ "FunctionScalingConfig": { "MinExecutionEnvironments": 1, "MaxExecutionEnvironments": 10 } }""", """{ "FunctionScalingConfig": { "MinExecutionEnvironments": 2, "MaxExecutionEnvironments": 10 } }""" },
        { "DurableConfig", """{ "DurableConfig": { "ExecutionTimeout": 900, "RetentionPeriodInDays": 7 } }""", """{ "DurableConfig": { "ExecutionTimeout": 3600, "RetentionPeriodInDays": 7 } }""" },
        { "PublishToLatestPublished", """{ "PublishToLatestPublished": false }""", """{ "PublishToLatestPublished": true }""" },
    };

    public static TheoryData<string, string, string> Unversioned() => new()
    {
        { "Code (same bytes under a new key)", """{ "Code": { "S3Bucket": "bucket", "S3Key": "app.zip" } }""", """{ "Code": { "S3Bucket": "bucket", "S3Key": "copy-of-app.zip" } }""" },
        { "MemorySize (quoted)", """{ "MemorySize": 128 }""", """{ "MemorySize": "128" }""" },
        { "Tags", """{ "Tags": [{ "Key": "team", "Value": "core" }] }""", """{ "Tags": [{ "Key": "team", "Value": "payments" }] }""" },
        { "ReservedConcurrentExecutions", """{ "ReservedConcurrentExecutions": 5 }""", """{ "ReservedConcurrentExecutions": 50 }""" },
        { "CodeSigningConfigArn", """{ "CodeSigningConfigArn": "arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-1" }""", """{ "CodeSigningConfigArn": "arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-2" }""" },
        { "RecursiveLoop", """{ "RecursiveLoop": "Terminate" }""", """{ "RecursiveLoop": "Allow" }""" },
        { "TenancyConfig", """{ "TenancyConfig": null }""", """{ "TenancyConfig": { "TenantIsolationMode": "PER_TENANT" } }""" },
        { "Metadata (resource attribute)", """{ "Metadata": { "Owner": "orders" } }""", """{ "Metadata": { "Owner": "payments" } }""" },
        { "DependsOn (resource attribute)", """{ "DependsOn": "Table" }""", """{ "DependsOn": ["Table", "Queue"] }""" },
    };

    [Theory]
    [MemberData(nameof(VersionLocked))]
    public void A_version_locked_change_gives_a_new_id(string name, string before, string after) =>
        IdWith(LambdaTemplate, after).Should().NotBe(IdWith(LambdaTemplate, before), because: $"{name} is snapshotted into a version");

    [Theory]
    [MemberData(nameof(Unversioned))]
    public void A_change_Lambda_does_not_version_keeps_the_id(string name, string before, string after) =>
        IdWith(LambdaTemplate, after).Should().Be(IdWith(LambdaTemplate, before), because: $"{name} is not part of a Lambda version");

    [Fact]
    public void Every_property_the_classifier_knows_has_a_row()
    {
        var rows = VersionLocked().Concat(Unversioned()).Select(row => PropertyOf((string)row[0]));

        PropertyClassifier.KnownProperties(PropertyClassifier.Lambda).Should().BeSubsetOf(rows);
    }
}
