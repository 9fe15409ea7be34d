namespace MacroVersioning.Core.Functions;

/// <summary>
/// Which properties Lambda snapshots into a version (SPEC §3). The tables cover every property of
/// <c>AWS::Serverless::Function</c> in SAM translator 1.110.0 and of <c>AWS::Lambda::Function</c>.
/// Sources: https://docs.aws.amazon.com/lambda/latest/dg/configuration-versions.html (a version
/// includes code, runtime, handler, memory, timeout, environment, layers, role, VPC…) and
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-function.html.
/// </summary>
internal static class PropertyClassifier
{
    public const string Serverless = "AWS::Serverless::Function";
    public const string Lambda = "AWS::Lambda::Function";

    private static readonly string[] CommonHashed =
    [
        "Runtime", "Handler", "MemorySize", "Timeout", "Environment", "Layers", "Role", "VpcConfig",
        "KmsKeyArn", "FileSystemConfigs", "ImageConfig", "PackageType", "Architectures", "EphemeralStorage",
        "SnapStart", "RuntimeManagementConfig", "LoggingConfig", "Description", "FunctionName",
        "CapacityProviderConfig", "FunctionScalingConfig", "DurableConfig", "PublishToLatestPublished",
    ];

    private static readonly Dictionary<string, PropertyClass> ServerlessTable = Table(
        hashed: [.. CommonHashed, "DeadLetterQueue", "Tracing", "SourceKMSKeyArn"],
        ignored:
        [
            "Events", "Policies", "Tags", "PropagateTags", "ReservedConcurrentExecutions", "ProvisionedConcurrencyConfig",
            "CodeSigningConfigArn", "EventInvokeConfig", "FunctionUrlConfig", "Connectors", "PermissionsBoundary", "RolePath",
            "AssumeRolePolicyDocument", "DeploymentPreference", "AutoPublishAlias", "AutoPublishAliasAllProperties",
            "AutoPublishCodeSha256", "VersionDescription", "VersionDeletionPolicy", "RecursiveLoop", "TenancyConfig",
        ],
        code: ["CodeUri", "InlineCode", "ImageUri"]);

    private static readonly Dictionary<string, PropertyClass> LambdaTable = Table(
        hashed: [.. CommonHashed, "DeadLetterConfig", "TracingConfig"],
        ignored: ["Tags", "ReservedConcurrentExecutions", "CodeSigningConfigArn", "RecursiveLoop", "TenancyConfig"],
        code: ["Code"]);

    public static bool IsFunctionType(string? type) => type is Serverless or Lambda;

    /// <summary>The user's HashedProperties/IgnoredProperties win over the built-in table, except for code.</summary>
    public static PropertyClass Classify(string type, string property, IReadOnlySet<string> hashed, IReadOnlySet<string> ignored)
    {
        var table = type == Serverless ? ServerlessTable : LambdaTable;
        var builtIn = table.GetValueOrDefault(property, PropertyClass.Unknown);
        return builtIn == PropertyClass.Code ? PropertyClass.Code
            : hashed.Contains(property) ? PropertyClass.Hashed
            : ignored.Contains(property) ? PropertyClass.Ignored
            : builtIn;
    }

    private static Dictionary<string, PropertyClass> Table(string[] hashed, string[] ignored, string[] code) =>
        hashed.Select(p => (p, PropertyClass.Hashed))
            .Concat(ignored.Select(p => (p, PropertyClass.Ignored)))
            .Concat(code.Select(p => (p, PropertyClass.Code)))
            .ToDictionary(e => e.p, e => e.Item2, StringComparer.Ordinal);
}
