using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;
using MacroVersioning.Lambda;
using MacroVersioning.Tests.Tools;

namespace MacroVersioning.Tests.Packaging;

/// <summary>
/// What issues 4 and 12 ask of <c>macro-template.yaml</c> beyond linting: the Native AOT <c>bootstrap</c> on
/// <c>provided.al2023</c> by default and the managed <c>dotnet10</c> runtime in executable mode as a parameter
/// value (one zip holds both builds), arm64 by default with x86_64 selectable, the macro name and log retention as
/// parameters, outputs for the macro name and function ARN, and the hash key reaching the variable
/// the Lambda reads without ever being echoed.
/// See https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-macros.html
/// </summary>
public sealed class MacroTemplateTests
{
    private readonly TemplateFile template = TemplateFile.Read("macro-template.yaml");

    private JsonObject Function => template.Single("AWS::Serverless::Function").Resource["Properties"]!.AsObject();

    private string FunctionId => template.Single("AWS::Serverless::Function").Id;

    [Fact]
    public void The_runtime_is_a_parameter_provided_al2023_by_default_dotnet10_allowed_and_used_by_the_function()
    {
        var parameter = template.Parameter("MacroRuntime");

        JsonText.ScalarText(parameter["Default"]).Should().Be("provided.al2023");
        parameter["AllowedValues"]!.AsArray().Select(JsonText.ScalarText).Should().Equal("provided.al2023", "dotnet10");
        JsonNode.DeepEquals(Function["Runtime"], TemplateFile.Ref("MacroRuntime")).Should().BeTrue(Function["Runtime"]?.ToJsonString());
    }

    [Fact]
    public void The_handler_is_bootstrap_on_provided_al2023_and_the_assembly_on_dotnet10()
    {
        var assembly = typeof(LambdaEntryPoint).Assembly.GetName().Name;
        var condition = template.Root["Conditions"]?["OnManagedRuntime"];

        // provided.al2023 starts the zip's bootstrap; dotnet10 in executable mode starts the assembly the handler names.
        JsonNode.DeepEquals(condition, JsonNode.Parse("""{"Fn::Equals":[{"Ref":"MacroRuntime"},"dotnet10"]}""")).Should().BeTrue(condition?.ToJsonString());
        JsonNode.DeepEquals(Function["Handler"], new JsonObject { ["Fn::If"] = new JsonArray("OnManagedRuntime", assembly, "bootstrap") })
            .Should().BeTrue(Function["Handler"]?.ToJsonString());
        assembly.Should().Be("VersioningMacro");
    }

    [Fact]
    public void The_code_is_the_arm64_package_script_output()
    {
        JsonText.ScalarText(Function["CodeUri"]).Should().Be("artifacts/VersioningMacro-arm64.zip");
    }

    [Fact]
    public void Architecture_is_a_parameter_arm64_by_default_x86_64_allowed_and_used_by_the_function()
    {
        var parameter = template.Parameter("Architecture");

        JsonText.ScalarText(parameter["Default"]).Should().Be("arm64");
        parameter["AllowedValues"]!.AsArray().Select(JsonText.ScalarText).Should().BeEquivalentTo("arm64", "x86_64");
        JsonNode.DeepEquals(Function["Architectures"], new JsonArray(TemplateFile.Ref("Architecture"))).Should().BeTrue(Function["Architectures"]?.ToJsonString());
    }

    [Fact]
    public void The_macro_is_named_by_a_parameter_defaulting_to_VersioningMacro_and_runs_the_function()
    {
        var macro = template.Single("AWS::CloudFormation::Macro").Resource["Properties"]!;

        JsonText.ScalarText(template.Parameter("MacroName")["Default"]).Should().Be("VersioningMacro");
        JsonNode.DeepEquals(macro["Name"], TemplateFile.Ref("MacroName")).Should().BeTrue(macro["Name"]?.ToJsonString());
        JsonNode.DeepEquals(macro["FunctionName"], TemplateFile.GetAtt(FunctionId, "Arn")).Should().BeTrue(macro["FunctionName"]?.ToJsonString());
    }

    [Fact]
    public void The_function_is_named_after_the_macro_so_the_default_service_token_of_prune_resources_names_it()
    {
        var token = MacroVersioning.Core.Emit.PruneResource.DefaultServiceToken()["Fn::Sub"]!.GetValue<string>();

        JsonNode.DeepEquals(Function["FunctionName"], TemplateFile.Ref("MacroName")).Should().BeTrue(Function["FunctionName"]?.ToJsonString());
        token.Should().Be("arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:" + JsonText.ScalarText(template.Parameter("MacroName")["Default"]));
        JsonText.ScalarText(template.Parameter("MacroName")["AllowedPattern"]).Should().Be("^[A-Za-z0-9_-]{1,64}$", "a Lambda function name is at most 64 characters");
    }

    [Fact]
    public void The_function_logs_to_its_own_log_group_whose_retention_is_a_parameter()
    {
        var (logGroupId, logGroup) = template.Single("AWS::Logs::LogGroup");

        template.Parameter("LogRetentionInDays")["Default"].Should().NotBeNull();
        JsonNode.DeepEquals(logGroup["Properties"]!["RetentionInDays"], TemplateFile.Ref("LogRetentionInDays")).Should().BeTrue();
        JsonNode.DeepEquals(Function["LoggingConfig"]?["LogGroup"], TemplateFile.Ref(logGroupId)).Should().BeTrue();
    }

    public static TheoryData<string, string> Outputs() => new()
    {
        { "MacroName", """{"Ref":"MacroName"}""" },
        { "FunctionArn", """{"Fn::GetAtt":["MacroFunction","Arn"]}""" },
    };

    [Theory]
    [MemberData(nameof(Outputs))]
    public void An_output_gives_the_macro_name_and_one_the_function_arn(string output, string value)
    {
        var actual = template.Root["Outputs"]?[output]?["Value"];

        JsonNode.DeepEquals(actual, JsonNode.Parse(value)).Should().BeTrue($"output {output} should be {value}, was {actual?.ToJsonString()}");
        FunctionId.Should().Be("MacroFunction");
    }

    [Fact]
    public void The_hash_key_is_a_NoEcho_parameter_that_reaches_the_variable_the_Lambda_reads()
    {
        var variables = Function["Environment"]!["Variables"]!.AsObject();

        JsonText.ScalarText(template.Parameter("HashKey")["NoEcho"]).Should().Be("true");
        JsonNode.DeepEquals(variables[LambdaEntryPoint.HashKeyVariable], TemplateFile.Ref("HashKey")).Should().BeTrue(variables.ToJsonString());
        variables.Should().ContainSingle("the function's environment carries the hash key and nothing else");
    }
}
