using System.Text;
using Amazon.Runtime.Internal.Auth;
using MacroVersioning.Aws;

namespace MacroVersioning.Tests.Signing;

/// <summary>
/// Our canonical request, and the SDK's signature over it, against every case of the AWS SigV4 test
/// suite; then the whole <see cref="SigV4Signer"/> on an HttpRequestMessage for the cases an
/// HttpRequestMessage can carry as written.
/// </summary>
public sealed class SigV4VectorTests
{
    /// <summary>
    /// Cases whose request HttpClient sends exactly as written and whose headers are all ones the signer
    /// signs. Left out: raw spaces or UTF-8 in the path (HttpClient percent-encodes them, so the wire
    /// path differs from the vector's), folded or duplicate custom headers, and form bodies (content-length
    /// is not signed by us).
    /// </summary>
    public static TheoryData<string> WholeRequestCases => new()
    {
        "get-vanilla",
        "get-vanilla-query",
        "get-vanilla-empty-query-key",
        "get-vanilla-query-order-key-case",
        "get-vanilla-query-order-encoded",
        "get-vanilla-query-unreserved",
        "get-vanilla-utf8-query",
        "get-vanilla-with-session-token",
        "get-unreserved",
        "get-slash-pointless-dot-normalized",
        "get-relative-normalized",
        "get-relative-relative-normalized",
        "post-vanilla",
        "post-vanilla-query",
        "post-vanilla-empty-query-value",
        "post-sts-header-before",
    };

    public static TheoryData<string> AllCases => new(SigV4Vector.Names());

    [Fact]
    public void The_suite_is_present()
    {
        SigV4Vector.Names().Should().HaveCount(38);
    }

    [Theory]
    [MemberData(nameof(AllCases))]
    public void Canonical_request_matches_the_vector(string name)
    {
        var vector = SigV4Vector.Load(name);

        var (text, _) = CanonicalRequest.Build(vector.Method, vector.Path, vector.Query, vector.HeadersToSign(), vector.PayloadHash, vector.Settings);

        text.Should().Be(vector.Expected("header-canonical-request.txt"));
    }

    [Theory]
    [MemberData(nameof(AllCases))]
    public void Signature_and_authorization_match_the_vector(string name)
    {
        var vector = SigV4Vector.Load(name);
        var (text, signedHeaders) = CanonicalRequest.Build(vector.Method, vector.Path, vector.Query, vector.HeadersToSign(), vector.PayloadHash, vector.Settings);

        var result = AWS4Signer.ComputeSignature(vector.Credentials, vector.Region, vector.Timestamp, vector.Service, signedHeaders, text);

        result.Signature.Should().Be(vector.Expected("header-signature.txt").Trim());
        result.ForAuthorizationHeader.Should().Be(vector.ExpectedAuthorization);
    }

    [Theory]
    [MemberData(nameof(WholeRequestCases))]
    public async Task Signed_http_request_carries_the_vector_authorization(string name)
    {
        var vector = SigV4Vector.Load(name);
        var target = vector.Query.Length == 0 ? vector.Path : $"{vector.Path}?{vector.Query}";
        using var request = new HttpRequestMessage(new HttpMethod(vector.Method), new Uri("https://example.amazonaws.com" + target));
        if (vector.Body.Length > 0)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(vector.Body));
        }

        await SigV4Signer.SignAsync(request, vector.Credentials, vector.Region, vector.Service, vector.Timestamp, SigV4Settings.Default, CancellationToken.None);

        request.Headers.GetValues("Authorization").Should().Equal(vector.ExpectedAuthorization);
        request.Headers.GetValues("X-Amz-Date").Should().Equal("20150830T123600Z");
        request.Headers.Host.Should().Be("example.amazonaws.com");
    }

    [Fact]
    public async Task Session_token_is_sent_and_signed()
    {
        var vector = SigV4Vector.Load("get-vanilla-with-session-token");
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/");

        await SigV4Signer.SignAsync(request, vector.Credentials, vector.Region, vector.Service, vector.Timestamp, SigV4Settings.Default, CancellationToken.None);

        request.Headers.GetValues("X-Amz-Security-Token").Should().Equal(vector.Credentials.Token);
        request.Headers.GetValues("Authorization").Single().Should().Contain("SignedHeaders=host;x-amz-date;x-amz-security-token,");
    }

    [Fact]
    public async Task S3_settings_send_and_sign_the_payload_hash()
    {
        var vector = SigV4Vector.Load("post-vanilla");
        using var request = new HttpRequestMessage(HttpMethod.Put, "https://bucket.s3.amazonaws.com/a%20key") { Content = new ByteArrayContent("Param1=value1"u8.ToArray()) };

        await SigV4Signer.SignAsync(request, vector.Credentials, vector.Region, "s3", vector.Timestamp, SigV4Settings.S3, CancellationToken.None);

        request.Headers.GetValues("X-Amz-Content-SHA256").Should().Equal("9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e");
        request.Headers.GetValues("Authorization").Single().Should().Contain("/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date,");
    }

    [Fact]
    public void Non_s3_path_is_encoded_once_more_as_sent()
    {
        // Lambda's path carries a function ARN whose colons HttpClient sends as %3A; SigV4 for every
        // service but S3 encodes the sent path again, so the canonical URI holds %253A.
        var uri = new Uri("https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/" + Uri.EscapeDataString("arn:aws:lambda:us-east-1:123456789012:function:f") + "/versions");

        var (text, _) = CanonicalRequest.Build("GET", uri.AbsolutePath, "", [new("Host", uri.Host)], CanonicalRequest.EmptyPayloadHash, SigV4Settings.Default);

        text.Split('\n')[1].Should().Be("/2015-03-31/functions/arn%253Aaws%253Alambda%253Aus-east-1%253A123456789012%253Afunction%253Af/versions");
    }

    [Fact]
    public void S3_path_is_used_as_sent()
    {
        var (text, _) = CanonicalRequest.Build("GET", "/bucket/a%20b//c", "", [new("Host", "s3.amazonaws.com")], CanonicalRequest.EmptyPayloadHash, SigV4Settings.S3);

        text.Split('\n')[1].Should().Be("/bucket/a%20b//c");
    }
}
