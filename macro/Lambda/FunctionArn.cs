namespace MacroVersioning.Lambda;

/// <summary>
/// Reads a Lambda function ARN, <c>arn:PARTITION:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]</c>
/// (https://docs.aws.amazon.com/lambda/latest/dg/configuration-versions.html).
/// </summary>
internal static class FunctionArn
{
    /// <summary>
    /// The ARN without a version or alias qualifier, or null if <paramref name="arn"/> is not a function ARN.
    /// The prune resources' ServiceToken is this: a custom resource's ServiceToken cannot be updated
    /// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudformation-customresource.html),
    /// so it must not depend on how CloudFormation happened to invoke the macro (a version changes with every release).
    /// </summary>
    public static string? Unqualified(string? arn) =>
        Parts(arn) is { } parts ? string.Join(':', parts.Take(7)) : null;

    /// <summary>The Region of a function ARN, or null.</summary>
    public static string? Region(string? arn) => Parts(arn)?[3];

    private static string[]? Parts(string? arn)
    {
        var parts = arn?.Split(':');
        return parts is { Length: 7 or 8 } && parts[0] == "arn" && parts[2] == "lambda" && parts[5] == "function"
            && parts[3].Length > 0 && parts[6].Length > 0 && (parts.Length == 7 || parts[7].Length > 0)
            ? parts
            : null;
    }
}
