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

    private static readonly Table ServerlessTable = new(
        hashed: [.. CommonHashed, "DeadLetterQueue", "Tracing", "SourceKMSKeyArn"],
        ignored:
        [
            "Events", "Policies", "Tags", "PropagateTags", "ReservedConcurrentExecutions", "ProvisionedConcurrencyConfig",
            "CodeSigningConfigArn", "EventInvokeConfig", "FunctionUrlConfig", "Connectors", "PermissionsBoundary", "RolePath",
            "AssumeRolePolicyDocument", "DeploymentPreference", "AutoPublishAlias", "AutoPublishAliasAllProperties",
            "AutoPublishCodeSha256", "VersionDescription", "VersionDeletionPolicy", "RecursiveLoop", "TenancyConfig",
        ],
        code: ["CodeUri", "InlineCode", "ImageUri"]);

    private static readonly Table LambdaTable = new(
        hashed: [.. CommonHashed, "DeadLetterConfig", "TracingConfig"],
        ignored: ["Tags", "ReservedConcurrentExecutions", "CodeSigningConfigArn", "RecursiveLoop", "TenancyConfig"],
        code: ["Code"]);

    public static bool IsFunctionType(string? type) => type is Serverless or Lambda;

    /// <summary>Every property the built-in table classifies for <paramref name="type"/>: the hash-rule tests need a row for each.</summary>
    public static IEnumerable<string> KnownProperties(string type) => (type == Serverless ? ServerlessTable : LambdaTable).Names;

    /// <summary>The user's HashedProperties/IgnoredProperties win over the built-in table, except for code.</summary>
    public static PropertyClass Classify(string type, string property, IReadOnlySet<string> hashed, IReadOnlySet<string> ignored)
    {
        var table = type == Serverless ? ServerlessTable : LambdaTable;
        var builtIn = table.Classify(property);
        return builtIn == PropertyClass.Code ? PropertyClass.Code
            : hashed.Contains(property) ? PropertyClass.Hashed
            : ignored.Contains(property) ? PropertyClass.Ignored
            : builtIn;
    }

    /// <summary>
    /// Three sets of names rather than one map to an enum: a set of strings runs on code the framework
    /// has precompiled, a map to our enum is compiled at run time in every cold start.
    /// </summary>
    private sealed class Table(string[] hashed, string[] ignored, string[] code)
    {
        private readonly HashSet<string> hashed = new(hashed, StringComparer.Ordinal);
        private readonly HashSet<string> ignored = new(ignored, StringComparer.Ordinal);
        private readonly HashSet<string> code = new(code, StringComparer.Ordinal);

        public IEnumerable<string> Names => code.Concat(hashed).Concat(ignored);

        public PropertyClass Classify(string property) =>
            code.Contains(property) ? PropertyClass.Code
            : hashed.Contains(property) ? PropertyClass.Hashed
            : ignored.Contains(property) ? PropertyClass.Ignored
            : PropertyClass.Unknown;
    }
}
