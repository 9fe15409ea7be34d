using MacroVersioning.Lambda;

namespace MacroVersioning.Tests.Prune;

/// <summary>The ServiceToken is the invoked ARN without a qualifier: a custom resource's ServiceToken cannot be updated.</summary>
public sealed class FunctionArnTests
{
    [Theory]
    [InlineData("arn:aws:lambda:eu-west-1:123456789012:function:VersioningMacro", "arn:aws:lambda:eu-west-1:123456789012:function:VersioningMacro", "eu-west-1")]
    [InlineData("arn:aws:lambda:eu-west-1:123456789012:function:VersioningMacro:12", "arn:aws:lambda:eu-west-1:123456789012:function:VersioningMacro", "eu-west-1")]
    [InlineData("arn:aws-cn:lambda:cn-north-1:123456789012:function:m:live", "arn:aws-cn:lambda:cn-north-1:123456789012:function:m", "cn-north-1")]
    [InlineData("arn:aws:lambda:eu-west-1:123456789012:function:m:", null, null)]
    [InlineData("arn:aws:lambda:eu-west-1:123456789012:layer:m:3", null, null)]
    [InlineData("arn:aws:s3:::bucket", null, null)]
    [InlineData("VersioningMacro", null, null)]
    [InlineData("", null, null)]
    [InlineData(null, null, null)]
    public void Unqualified_and_region(string? arn, string? unqualified, string? region)
    {
        FunctionArn.Unqualified(arn).Should().Be(unqualified);
        FunctionArn.Region(arn).Should().Be(region);
    }
}
