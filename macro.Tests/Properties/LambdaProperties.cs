namespace MacroVersioning.Tests.Properties;

/// <summary>
/// Which function properties Lambda snapshots into a version, as SPEC §3 lists them: the oracle for the
/// generated tests, written independently of the macro's own tables.
/// </summary>
internal static class LambdaProperties
{
    public const string Serverless = "AWS::Serverless::Function";
    public const string Lambda = "AWS::Lambda::Function";

    private static readonly string[] Common =
    [
        "Runtime", "Handler", "MemorySize", "Timeout", "Environment", "Layers", "Role", "VpcConfig", "KmsKeyArn",
        "FileSystemConfigs", "ImageConfig", "PackageType", "Architectures", "EphemeralStorage", "SnapStart",
        "RuntimeManagementConfig", "LoggingConfig", "Description", "FunctionName",
    ];

    public static IReadOnlyList<string> VersionLocked(string type) =>
        type == Serverless ? [.. Common, "DeadLetterQueue", "Tracing"] : [.. Common, "DeadLetterConfig", "TracingConfig"];

    public static IReadOnlyList<string> Unversioned(string type) =>
        type == Serverless
            ? ["Events", "Policies", "Tags", "PropagateTags", "ReservedConcurrentExecutions", "ProvisionedConcurrencyConfig", "CodeSigningConfigArn",
               "EventInvokeConfig", "FunctionUrlConfig", "PermissionsBoundary", "RolePath", "RecursiveLoop", "VersionDescription"]
            : ["Tags", "ReservedConcurrentExecutions", "CodeSigningConfigArn", "RecursiveLoop"];

    /// <summary>Properties that hold code: changed through <see cref="TemplateMutations.ChangeCode"/>.</summary>
    public static IReadOnlyList<string> Code(string type) => type == Serverless ? ["ImageUri", "InlineCode", "CodeUri"] : ["Code"];
}
