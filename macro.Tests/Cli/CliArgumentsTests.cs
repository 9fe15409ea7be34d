using MacroVersioning.Cli;

namespace MacroVersioning.Tests.Cli;

public sealed class CliArgumentsTests
{
    public static readonly TheoryData<string, string[], string> Valid = new()
    {
        {
            "transform with a service token", ["transform", "t.yaml", "--service-token", "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:My_Macro-2"],
            "transform t.yaml params=[] region=us-east-1 account=123456789012 identity=- format=Json out=- endpoint=- key=- token=arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:My_Macro-2"
        },
        {
            "transform with defaults", ["transform", "t.yaml"],
            "transform t.yaml params=[] region=us-east-1 account=123456789012 identity=- format=Json out=- endpoint=- key=-"
        },
        {
            "every transform flag",
            [
                "transform", "--param", "A=1", "t.yaml", "--param", "B=x=y", "--region", "eu-west-2", "--account", "000000000001",
                "--code-identity", "location", "--format", "yaml", "-o", "out.yaml", "--s3-endpoint", "http://127.0.0.1:4568",
                "--hash-key-file", "key.txt",
            ],
            "transform t.yaml params=[A=1,B=x=y] region=eu-west-2 account=000000000001 identity=Location format=Yaml out=out.yaml endpoint=http://127.0.0.1:4568/ key=key.txt"
        },
        {
            "flag=value spelling and --output", ["transform", "--region=us-gov-west-1", "--output=o.json", "--param=Empty=", "--code-identity=content", "t.json"],
            "transform t.json params=[Empty=] region=us-gov-west-1 account=123456789012 identity=Content format=Json out=o.json endpoint=- key=-"
        },
        {
            "a dash-leading value is a value", ["transform", "t.yaml", "--param", "Offset=-1"],
            "transform t.yaml params=[Offset=-1] region=us-east-1 account=123456789012 identity=- format=Json out=- endpoint=- key=-"
        },
        {
            "double dash ends options", ["transform", "--", "--odd-name.yaml"],
            "transform --odd-name.yaml params=[] region=us-east-1 account=123456789012 identity=- format=Json out=- endpoint=- key=-"
        },
        { "invoke", ["invoke", "event.json"], "invoke event.json endpoint=- key=-" },
        {
            "invoke flags", ["invoke", "event.json", "--s3-endpoint", "https://s3.local:9000", "--hash-key-file", "k"],
            "invoke event.json endpoint=https://s3.local:9000/ key=k"
        },
        { "--help", ["--help"], "help -" },
        { "-h", ["-h"], "help -" },
        { "help command", ["help", "transform"], "help transform" },
        { "transform --help wins over errors", ["transform", "--bogus", "--help"], "help transform" },
        { "invoke -h", ["invoke", "-h"], "help invoke" },
        { "diff", ["diff", "old.json", "new.yaml"], "diff old.json new.yaml params=[] old=[] region=us-east-1 account=123456789012 identity=- json=False endpoint=- key=-" },
        {
            "diff flags", ["diff", "o.yaml", "n.yaml", "--param", "Stage=prod", "--old-param", "Stage=dev", "--format", "json", "--region", "eu-west-1",
                "--code-identity", "location", "--hash-key-file", "k"],
            "diff o.yaml n.yaml params=[Stage=prod] old=[Stage=dev] region=eu-west-1 account=123456789012 identity=Location json=True endpoint=- key=k"
        },
        { "diff --format text", ["diff", "o.yaml", "n.yaml", "--format", "text"], "diff o.yaml n.yaml params=[] old=[] region=us-east-1 account=123456789012 identity=- json=False endpoint=- key=-" },
        { "diff -h", ["diff", "-h"], "help diff" },
        { "help diff", ["help", "diff"], "help diff" },
    };

    public static readonly TheoryData<string, string[], string> Invalid = new()
    {
        { "no arguments", [], "no command given" },
        { "qualified service token", ["transform", "t.yaml", "--service-token", "arn:aws:lambda:us-east-1:123456789012:function:VersioningMacro:3"], "--service-token arn:aws:lambda:us-east-1:123456789012:function:VersioningMacro:3 is not an unqualified Lambda function ARN" },
        { "service token not an arn", ["transform", "t.yaml", "--service-token", "VersioningMacro"], "--service-token VersioningMacro is not an unqualified Lambda function ARN" },
        { "service token twice", ["transform", "t.yaml", "--service-token", "a", "--service-token", "b"], "--service-token is given twice" },
        { "service token not for diff", ["diff", "a.yaml", "b.yaml", "--service-token", "arn:aws:lambda:us-east-1:123456789012:function:m"], "unknown option --service-token for diff" },
        { "unknown command", ["deploy", "t.yaml"], "unknown command deploy" },
        { "unknown flag", ["transform", "t.yaml", "--regoin", "x"], "unknown option --regoin for transform" },
        { "invoke flag not for transform", ["invoke", "e.json", "--region", "us-east-1"], "unknown option --region for invoke" },
        { "missing template", ["transform"], "transform needs TEMPLATE" },
        { "two templates", ["transform", "a.yaml", "b.yaml"], "takes one TEMPLATE, got 2" },
        { "missing event", ["invoke"], "invoke needs EVENT.json" },
        { "flag without value", ["transform", "t.yaml", "--region"], "--region needs a value" },
        { "param without equals", ["transform", "t.yaml", "--param", "Password"], "--param number 1 is not Key=Value" },
        { "param with bad name", ["transform", "t.yaml", "--param", "My-Key=v"], "--param My-Key=...: a parameter name is letters and digits only" },
        { "param twice", ["transform", "t.yaml", "--param", "A=1", "--param", "A=2"], "--param A is given twice" },
        { "flag twice", ["transform", "t.yaml", "--region", "us-east-1", "--region", "us-west-2"], "--region is given twice" },
        { "bad region", ["transform", "t.yaml", "--region", "Virginia"], "--region Virginia is not a region name" },
        { "bad account", ["transform", "t.yaml", "--account", "1234"], "--account 1234 is not a 12-digit account id" },
        { "bad code identity", ["transform", "t.yaml", "--code-identity", "bytes"], "--code-identity bytes is not content or location" },
        { "bad format", ["transform", "t.yaml", "--format", "xml"], "--format xml is not json or yaml" },
        { "bad endpoint", ["transform", "t.yaml", "--s3-endpoint", "127.0.0.1:4568"], "is not an http:// or https:// URL" },
        { "diff needs two templates", ["diff", "old.yaml"], "diff takes OLD and NEW templates, got 1: old.yaml" },
        { "diff takes no -o", ["diff", "o.yaml", "n.yaml", "-o", "x"], "unknown option -o for diff" },
        { "diff format is text or json", ["diff", "o.yaml", "n.yaml", "--format", "yaml"], "--format yaml is not text or json" },
        { "diff format twice", ["diff", "o.yaml", "n.yaml", "--format", "json", "--format", "text"], "--format is given twice" },
        { "old-param twice", ["diff", "o.yaml", "n.yaml", "--old-param", "A=1", "--old-param", "A=2"], "--old-param A is given twice" },
        { "old-param without equals", ["diff", "o.yaml", "n.yaml", "--old-param", "secret"], "--old-param number 1 is not Key=Value" },
        { "diff checks transform's flags", ["diff", "o.yaml", "n.yaml", "--region", "Virginia"], "--region Virginia is not a region name" },
        { "bad invoke endpoint", ["invoke", "e.json", "--s3-endpoint", "ftp://x"], "is not an http:// or https:// URL" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parses_valid_command_lines(string name, string[] args, string expected)
    {
        var (request, error) = CliArguments.Parse(args);

        error.Should().BeNull(name);
        Describe(request!).Should().Be(expected, name);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Rejects_invalid_command_lines(string name, string[] args, string expected)
    {
        var (request, error) = CliArguments.Parse(args);

        request.Should().BeNull(name);
        error.Should().Contain(expected, name);
    }

    [Fact]
    public void Never_repeats_a_param_value_in_an_error()
    {
        var (_, noEquals) = CliArguments.Parse(["transform", "t.yaml", "--param", "hunter2"]);
        var (_, badName) = CliArguments.Parse(["transform", "t.yaml", "--param", "Bad Key=hunter2"]);
        var (_, twice) = CliArguments.Parse(["transform", "t.yaml", "--param", "P=hunter2", "--param", "P=hunter2"]);

        var (_, oldTwice) = CliArguments.Parse(["diff", "o.yaml", "n.yaml", "--old-param", "P=hunter2", "--old-param", "P=hunter2"]);

        new[] { noEquals, badName, twice, oldTwice }.Should().AllSatisfy(e => e.Should().NotBeNull().And.NotContain("hunter2"));
    }

    private static string Describe(CliRequest request) => request switch
    {
        TransformRequest t =>
            $"transform {t.TemplatePath} params=[{string.Join(',', t.Parameters.Select(p => $"{p.Key}={p.Value}"))}] region={t.Region} " +
            $"account={t.AccountId} identity={t.CodeIdentity?.ToString() ?? "-"} format={t.Format} out={t.OutputPath ?? "-"} " +
            $"endpoint={t.S3Endpoint?.ToString() ?? "-"} key={t.HashKeyFile ?? "-"}{(t.ServiceToken is null ? "" : $" token={t.ServiceToken}")}",
        DiffRequest d =>
            $"diff {d.OldPath} {d.NewPath} params=[{string.Join(',', d.Parameters.Select(p => $"{p.Key}={p.Value}"))}] " +
            $"old=[{string.Join(',', d.OldParameters.Select(p => $"{p.Key}={p.Value}"))}] region={d.Region} account={d.AccountId} " +
            $"identity={d.CodeIdentity?.ToString() ?? "-"} json={d.Json} endpoint={d.S3Endpoint?.ToString() ?? "-"} key={d.HashKeyFile ?? "-"}",
        InvokeRequest i => $"invoke {i.EventPath} endpoint={i.S3Endpoint?.ToString() ?? "-"} key={i.HashKeyFile ?? "-"}",
        HelpRequest h => $"help {h.Command ?? "-"}",
        _ => request.GetType().Name,
    };
}
