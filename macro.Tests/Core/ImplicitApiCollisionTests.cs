namespace MacroVersioning.Tests.Core;

/// <summary>
/// A function named ServerlessRestApi or ServerlessHttpApi is replaced by the API SAM generates for
/// implicit API events (translator 1.110.0, implicit_api_plugin.py), exactly when SAM generates it.
/// </summary>
public sealed class ImplicitApiCollisionTests
{
    private const string Code = "\"CodeUri\":\"s3://b/a.zip\",\"Handler\":\"a.h\",\"Runtime\":\"python3.12\"";

    private const string Fn = "{\"Type\":\"AWS::Serverless::Function\",\"Properties\":{" + Code + "}}";

    public static TheoryData<string, string, string?> Rows() => new()
    {
        { "Implicit REST API from another function", """{"ServerlessRestApi":FN,"Other":{"Type":"AWS::Serverless::Function","Properties":{CODE,"Events":{"E":{"Type":"Api","Properties":{"Path":"/","Method":"get"}}}}}}""", "ServerlessRestApi" },
        { "RestApiId names the implicit id", """{"ServerlessRestApi":{"Type":"AWS::Serverless::Function","Properties":{CODE,"Events":{"E":{"Type":"Api","Properties":{"Path":"/","Method":"get","RestApiId":{"Ref":"ServerlessRestApi"}}}}}}}""", "ServerlessRestApi" },
        { "Plain Lambda function is replaced too", """{"ServerlessRestApi":{"Type":"AWS::Lambda::Function","Properties":{"Code":{"ZipFile":"x"},"Handler":"a.h","Runtime":"python3.12","Role":"arn:aws:iam::1:role/r"}},"Other":{"Type":"AWS::Serverless::Function","Properties":{CODE,"Events":{"E":{"Type":"Api","Properties":{"Path":"/","Method":"get"}}}}}}""", "ServerlessRestApi" },
        { "State machine Api event", """{"ServerlessRestApi":FN,"Sm":{"Type":"AWS::Serverless::StateMachine","Properties":{"Events":{"E":{"Type":"Api","Properties":{"Path":"/","Method":"post"}}}}}}""", "ServerlessRestApi" },
        { "HttpApi event without Properties", """{"ServerlessHttpApi":{"Type":"AWS::Serverless::Function","Properties":{CODE,"Events":{"E":{"Type":"HttpApi"}}}}}""", "ServerlessHttpApi" },
        { "Api events all on an explicit API", """{"ServerlessRestApi":{"Type":"AWS::Serverless::Function","Properties":{CODE,"Events":{"E":{"Type":"Api","Properties":{"Path":"/","Method":"get","RestApiId":{"Ref":"MyApi"}}}}}},"MyApi":{"Type":"AWS::Serverless::Api","Properties":{"StageName":"p"}}}""", null },
        { "Api event without Properties adds no path", """{"ServerlessRestApi":{"Type":"AWS::Serverless::Function","Properties":{CODE,"Events":{"E":{"Type":"Api"}}}}}""", null },
        { "HttpApi event with ApiId", """{"ServerlessHttpApi":{"Type":"AWS::Serverless::Function","Properties":{CODE,"Events":{"E":{"Type":"HttpApi","Properties":{"ApiId":{"Ref":"Http"}}}}}},"Http":{"Type":"AWS::Serverless::HttpApi"}}""", null },
        { "Only HttpApi events: no REST API", """{"ServerlessRestApi":{"Type":"AWS::Serverless::Function","Properties":{CODE,"Events":{"E":{"Type":"HttpApi"}}}}}""", null },
        { "No API events at all", """{"ServerlessRestApi":FN}""", null },
        { "Opted out: not versioned", """{"ServerlessRestApi":{"Type":"AWS::Serverless::Function","Metadata":{"VersioningMacro":{"Enabled":false}},"Properties":{CODE,"Events":{"E":{"Type":"Api","Properties":{"Path":"/","Method":"get"}}}}}}""", null },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void A_function_with_an_implicit_API_id_is_reported_when_SAM_generates_that_API(string name, string resources, string? collidingId)
    {
        var result = Transform.Run(Transform.Parse("{\"Resources\":" + resources.Replace("FN", Fn).Replace("CODE", Code) + "}"));

        if (collidingId is null)
        {
            result.Succeeded.Should().BeTrue($"{name}: {string.Join("; ", result.Problems)}");
        }
        else
        {
            result.Problems.Should().ContainSingle(name).Which.Path.Should().Be($"Resources.{collidingId}");
            result.Problems[0].Message.Should().Contain("rename the function");
        }
    }
}
