using System.Text.Json.Nodes;
using MacroVersioning.Cli;
using MacroVersioning.Core.Json;
using MacroVersioning.Tests.Golden;
using MacroVersioning.Tests.Tools;

namespace MacroVersioning.Tests.Examples;

/// <summary>
/// The pipeline example does what issue 4 and SPEC §1 promise: the deploy stage publishes the
/// versions through the macro (a CloudFormation CREATE_UPDATE with CAPABILITY_AUTO_EXPAND whose stack
/// outputs leave as an artifact), with no stage that invokes a Lambda to publish them, and its deploy
/// role can update and delete the app's roles. See
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/continuous-delivery-codepipeline-action-reference.html
/// </summary>
public sealed class PipelineTemplateTests
{
    private const string PackagedTemplate = "packaged.yaml";

    private readonly TemplateFile template = TemplateFile.Read("examples", "pipeline", "pipeline.yaml");

    private IEnumerable<JsonObject> Stages => template.Single("AWS::CodePipeline::Pipeline").Resource["Properties"]!["Stages"]!.AsArray().Select(s => s!.AsObject());

    private IEnumerable<JsonObject> Actions => Stages.SelectMany(s => s["Actions"]!.AsArray()).Select(a => a!.AsObject());

    [Fact]
    public void No_stage_invokes_a_Lambda_or_publishes_versions_itself()
    {
        Actions.Select(a => JsonText.ScalarText(a["ActionTypeId"]!["Category"])).Should().NotContain("Invoke");
        Actions.Select(a => JsonText.ScalarText(a["ActionTypeId"]!["Provider"])).Should().NotContain("Lambda");
        template.OfType("AWS::Lambda::Function").Should().BeEmpty("the pipeline needs no publishing function");
        template.Root.ToJsonString().Should().NotContain("lambda:PublishVersion");
    }

    [Fact]
    public void The_last_stage_deploys_the_packaged_template_through_the_macro_and_hands_on_the_stack_outputs()
    {
        var deploy = Stages.Last()["Actions"]!.AsArray().Select(a => a!.AsObject()).Should().ContainSingle().Subject;
        var configuration = deploy["Configuration"]!.AsObject();
        var outputFile = JsonText.ScalarText(configuration["OutputFileName"]);

        (JsonText.ScalarText(deploy["ActionTypeId"]!["Category"]), JsonText.ScalarText(deploy["ActionTypeId"]!["Provider"])).Should().Be(("Deploy", "CloudFormation"));
        JsonText.ScalarText(configuration["ActionMode"]).Should().Be("CREATE_UPDATE");
        JsonText.ScalarText(configuration["Capabilities"])!.Split(',').Should().Contain("CAPABILITY_AUTO_EXPAND");
        outputFile.Should().NotBeNullOrEmpty("the stack outputs, version ARNs included, go to a file");
        deploy["OutputArtifacts"]!.AsArray().Should().ContainSingle("the outputs file leaves the stage as an artifact");
        JsonText.ScalarText(configuration["TemplatePath"]).Should().EndWith("::" + PackagedTemplate);
    }

    [Fact]
    public void The_build_packages_the_app_and_keeps_the_packaged_template_as_its_artifact()
    {
        var buildspec = TemplateReader.Read(File.ReadAllText(Path.Combine(RepoPaths.Examples, "pipeline", "buildspec.yml")), out _);
        var commands = string.Join('\n', buildspec["phases"]!["build"]!["commands"]!.AsArray().Select(JsonText.ScalarText));

        commands.Should().Match(c => c.Contains("sam package", StringComparison.Ordinal) || c.Contains("aws cloudformation package", StringComparison.Ordinal));
        commands.Should().Contain("--output-template-file " + PackagedTemplate);
        buildspec["artifacts"]!["files"]!.AsArray().Select(JsonText.ScalarText).Should().Contain(PackagedTemplate);
    }

    /// <summary>
    /// The <c>AWS::IAM::Role</c> handlers' permissions (create, read, update, delete) for roles without a
    /// permissions boundary: without the List calls CloudFormation cannot delete a function's role.
    /// </summary>
    public static TheoryData<string, string[]> RoleHandlers() => new()
    {
        { "create", ["iam:CreateRole", "iam:PutRolePolicy", "iam:AttachRolePolicy", "iam:GetRolePolicy", "iam:TagRole", "iam:GetRole"] },
        { "read", ["iam:GetRole", "iam:ListAttachedRolePolicies", "iam:ListRolePolicies", "iam:GetRolePolicy"] },
        { "update", ["iam:UpdateRole", "iam:UpdateRoleDescription", "iam:UpdateAssumeRolePolicy", "iam:DetachRolePolicy", "iam:AttachRolePolicy", "iam:DeleteRolePolicy", "iam:PutRolePolicy", "iam:TagRole", "iam:UntagRole"] },
        { "delete", ["iam:DeleteRole", "iam:DetachRolePolicy", "iam:DeleteRolePolicy", "iam:GetRole", "iam:ListAttachedRolePolicies", "iam:ListRolePolicies"] },
    };

    [Theory]
    [MemberData(nameof(RoleHandlers))]
    public void The_deploy_role_may_manage_the_app_roles(string handler, string[] actions)
    {
        var statements = template.Resources["DeployRole"]!["Properties"]!["Policies"]!.AsArray()
            .SelectMany(p => p!["PolicyDocument"]!["Statement"]!.AsArray())
            .Where(s => s!["Resource"]!.ToJsonString().Contains(":role/${AppStackName}-*", StringComparison.Ordinal))
            .ToList();

        var granted = statements.SelectMany(s => s!["Action"] is JsonArray list ? list.Select(JsonText.ScalarText) : [JsonText.ScalarText(s["Action"])]);

        granted.Should().Contain(actions, $"CloudFormation's {handler} handler for the app's roles calls them");
    }
}
