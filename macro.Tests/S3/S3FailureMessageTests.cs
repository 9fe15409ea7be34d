using Amazon.Runtime;
using MacroVersioning.Code;

namespace MacroVersioning.Tests.S3;

public sealed class S3FailureMessageTests
{
    [Fact]
    public void Missing_credentials_are_one_sentence_with_the_ways_out_not_the_sdks_provider_list()
    {
        // The message AWSSDK.Core 4.1.0 throws when no provider in its default chain finds credentials.
        var error = new AmazonClientException(
            "Failed to resolve AWS credentials. The credential providers used to search for credentials returned the following errors: "
            + "Exception 1 of 4: The environment variables AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN were not set with AWS credentials. "
            + "Exception 2 of 4: The webIdentityTokenFile must be an absolute path. (Parameter 'webIdentityTokenFile') "
            + "Exception 3 of 4: Unable to find the \"default\" profile. "
            + "Exception 4 of 4: Failed to connect to EC2 instance metadata to retrieve credentials: Unable to retrieve credentials.. ");

        var message = S3FailureMessage.Describe(new S3CodeObject("code", "app.zip", null), error, "us-east-1", "us-east-1", S3ReadOptions.Default, cancelled: false);

        message.Should().StartWith("s3://code/app.zip: no AWS credentials found to read it with")
            .And.ContainAll("--code-identity location", "--s3-endpoint")
            .And.NotContainAny("Exception 1 of", "webIdentityTokenFile", "\n");
    }
}
