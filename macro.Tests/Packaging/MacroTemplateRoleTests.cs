using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;
using MacroVersioning.Tests.Tools;

namespace MacroVersioning.Tests.Packaging;

/// <summary>
/// The macro's role reads code objects, writes its own logs, prunes old versions and nothing else: a HEAD and a
/// GET need only <c>s3:GetObject</c> (<c>s3:GetObjectVersion</c> with a versionId), <c>kms:Decrypt</c> is
/// granted only when the deployer lists customer managed keys, and the four list calls and
/// <c>lambda:DeleteFunction</c> on qualified ARNs only when <c>PrunePermissions</c> is enabled. No other action,
/// no managed policy. See https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html
/// </summary>
public sealed class MacroTemplateRoleTests
{
    private readonly TemplateFile template = TemplateFile.Read("macro-template.yaml");

    [Fact]
    public void The_role_may_only_read_objects_in_the_code_buckets()
    {
        var s3Statements = AllStatements()
            .Where(s => Actions(s.Statement).Any(a => a.StartsWith("s3:", StringComparison.Ordinal)))
            .ToList();

        s3Statements.Should().ContainSingle();
        Actions(s3Statements[0].Statement).Should().BeEquivalentTo("s3:GetObject", "s3:GetObjectVersion");
        s3Statements[0].Statement["Resource"]!.ToJsonString().Should().Contain("CodeBuckets").And.Contain("/*");
    }

    public static TheoryData<string, string[], string> AllowedStatements() => new()
    {
        { "WriteOwnLogs", ["logs:CreateLogStream", "logs:PutLogEvents"], """{"Fn::GetAtt":["MacroLogGroup","Arn"]}""" },
        { "ReadCodeObjects", ["s3:GetObject", "s3:GetObjectVersion"], "CodeBuckets" },
        { "DecryptCodeObjects", ["kms:Decrypt"], """{"Ref":"CodeKmsKeyArns"}""" },
        { "ListFunctionVersions", ["lambda:ListVersionsByFunction", "lambda:ListAliases", "lambda:ListProvisionedConcurrencyConfigs"], """{"Fn::Sub":"arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:*"}""" },
        { "ListEventSourceMappings", ["lambda:ListEventSourceMappings"], "\"*\"" },
        { "DeleteFunctionVersions", ["lambda:DeleteFunction"], """{"Fn::Sub":"arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:*:*"}""" },
    };

    public static TheoryData<string> PrunePolicies() => ["ListFunctionVersions", "ListEventSourceMappings", "DeleteFunctionVersions"];

    [Theory]
    [MemberData(nameof(AllowedStatements))]
    public void Each_policy_allows_exactly_its_actions_on_its_resources(string policy, string[] actions, string resource)
    {
        var statements = AllStatements().Where(s => s.Policy == policy).Select(s => s.Statement).ToList();

        statements.Should().ContainSingle($"policy {policy} should hold one statement");
        var statement = statements[0];
        JsonText.ScalarText(statement["Effect"]).Should().Be("Allow");
        Actions(statement).Should().BeEquivalentTo(actions);
        statement["Resource"]!.ToJsonString().Should().Contain(resource);
    }

    [Fact]
    public void Nothing_else_is_granted()
    {
        var (roleId, role) = template.Single("AWS::IAM::Role");
        var properties = role["Properties"]!.AsObject();
        var function = template.Single("AWS::Serverless::Function").Resource["Properties"]!.AsObject();

        AllStatements().Select(s => s.Policy).Should().BeEquivalentTo(AllowedStatements().Select(row => (string)row[0]));
        AllStatements().Should().OnlyContain(s => s.Statement.ContainsKey("Action") && !s.Statement.ContainsKey("NotAction") && !s.Statement.ContainsKey("NotResource"));
        properties.ContainsKey("ManagedPolicyArns").Should().BeFalse("a managed policy would grant actions beyond the listed ones");
        // SAM would create a second role for Policies; the function uses this one and no other.
        function.ContainsKey("Policies").Should().BeFalse();
        JsonNode.DeepEquals(function["Role"], TemplateFile.GetAtt(roleId, "Arn")).Should().BeTrue(function["Role"]?.ToJsonString());
        template.Resources.Select(r => JsonText.ScalarText(r.Value?["Type"])).Should()
            .NotContain(["AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::RolePolicy", "AWS::Lambda::Permission"]);
    }

    [Theory]
    [MemberData(nameof(PrunePolicies))]
    public void Pruning_permissions_are_granted_only_while_PrunePermissions_is_enabled(string policy)
    {
        var parameter = template.Parameter("PrunePermissions");

        JsonText.ScalarText(parameter["Default"]).Should().Be("enabled");
        parameter["AllowedValues"]!.AsArray().Select(JsonText.ScalarText).Should().Equal("enabled", "disabled");
        Policies().Single(p => p.Name == policy).Condition.Should().Be("MayPrune");
        JsonNode.DeepEquals(template.Root["Conditions"]?["MayPrune"], JsonNode.Parse("""{"Fn::Equals":[{"Ref":"PrunePermissions"},"enabled"]}"""))
            .Should().BeTrue(template.Root["Conditions"]?["MayPrune"]?.ToJsonString());
    }

    [Fact]
    public void DeleteFunction_is_granted_on_qualified_function_arns_only_so_a_whole_function_can_never_be_deleted()
    {
        var deletes = AllStatements().Where(s => Actions(s.Statement).Any(a => a.StartsWith("lambda:Delete", StringComparison.Ordinal) || a is "lambda:*" or "*")).ToList();

        deletes.Should().ContainSingle();
        Actions(deletes[0].Statement).Should().Equal("lambda:DeleteFunction");
        JsonNode.DeepEquals(deletes[0].Statement["Resource"], JsonNode.Parse("""{"Fn::Sub":"arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:*:*"}"""))
            .Should().BeTrue(deletes[0].Statement["Resource"]?.ToJsonString());
    }

    [Fact]
    public void Only_ListEventSourceMappings_takes_every_resource_because_it_names_no_resource_type()
    {
        AllStatements().Where(s => JsonText.ScalarText(s.Statement["Resource"]) == "*").SelectMany(s => Actions(s.Statement))
            .Should().Equal("lambda:ListEventSourceMappings");
    }

    [Fact]
    public void Kms_decrypt_is_granted_only_when_keys_are_listed_and_only_through_s3()
    {
        var decrypt = Policies().Single(p => p.Name == "DecryptCodeObjects");

        decrypt.Condition.Should().Be("HasCodeKmsKeys");
        AllStatements().Single(s => s.Policy == "DecryptCodeObjects").Statement["Condition"]!.ToJsonString().Should().Contain("kms:ViaService").And.Contain("s3.");
    }

    /// <summary>Every inline policy, each branch of an <c>Fn::If</c> that holds one, with the condition guarding it.</summary>
    private IEnumerable<(string Name, string? Condition, JsonObject Document)> Policies() =>
        template.Single("AWS::IAM::Role").Resource["Properties"]!["Policies"]!.AsArray().SelectMany(p => Unfold(p, null));

    private static IEnumerable<(string Name, string? Condition, JsonObject Document)> Unfold(JsonNode? policy, string? condition) =>
        policy switch
        {
            JsonObject map when map["Fn::If"] is JsonArray branches =>
                branches.Skip(1).SelectMany(b => Unfold(b, JsonText.ScalarText(branches[0]))),
            JsonObject map when map["PolicyDocument"] is JsonObject document => [(JsonText.ScalarText(map["PolicyName"]) ?? "", condition, document)],
            _ => [], // Ref AWS::NoValue: no policy
        };

    private IEnumerable<(string Policy, JsonObject Statement)> AllStatements() =>
        Policies().SelectMany(p => p.Document["Statement"]!.AsArray().Select(s => (p.Name, s!.AsObject())));

    private static IEnumerable<string> Actions(JsonObject statement) =>
        statement["Action"] switch
        {
            JsonArray list => list.Select(a => JsonText.ScalarText(a) ?? ""),
            JsonValue one => [JsonText.ScalarText(one) ?? ""],
            _ => [],
        };
}
