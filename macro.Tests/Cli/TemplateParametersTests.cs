using System.Text.Json.Nodes;
using MacroVersioning.Cli;

namespace MacroVersioning.Tests.Cli;

public sealed class TemplateParametersTests
{
    private static readonly JsonObject Template = JsonNode.Parse(
        """
        {
          "Parameters": {
            "Env": {"Type": "String", "Default": "dev"},
            "Password": {"Type": "String", "NoEcho": true},
            "Token": {"Type": "String", "NoEcho": "true", "Default": "default-token"},
            "Subnets": {"Type": "CommaDelimitedList", "NoEcho": true},
            "Plain": {"Type": "String"}
          },
          "Resources": {}
        }
        """)!.AsObject();

    public static readonly TheoryData<string, string[], string[]> Checks = new()
    {
        { "all required given", ["Password=p", "Subnets=a,b", "Plain=x"], [] },
        {
            "missing required values", ["Password=p"],
            ["parameter Subnets has no Default: pass --param Subnets=VALUE", "parameter Plain has no Default: pass --param Plain=VALUE"]
        },
        {
            "unknown parameter", ["Password=p", "Subnets=a", "Plain=x", "Nope=1"],
            ["--param Nope: the template has no parameter Nope (it declares Env, Password, Token, Subnets, Plain)"]
        },
    };

    [Theory]
    [MemberData(nameof(Checks))]
    public void Checks_params_against_the_template(string name, string[] given, string[] expected)
    {
        var errors = TemplateParameters.Check(Template, Pairs(given));

        errors.Should().Equal(expected, name);
    }

    [Fact]
    public void Checks_the_default_used_and_the_value_given_against_the_constraints()
    {
        var template = JsonNode.Parse(
            """
            {
              "Parameters": {
                "Stage": {"Type": "String", "Default": "qa", "AllowedValues": ["dev", "prod"]},
                "Memory": {"Type": "Number", "Default": 128, "MinValue": 128},
                "Key": {"Type": "String", "NoEcho": true, "Default": "short", "MinLength": 8}
              }
            }
            """)!.AsObject();

        var errors = TemplateParameters.Check(template, Pairs(["Memory=64", "Key=a-long-enough-secret"]));

        errors.Should().Equal(
            "parameter Stage's Default \"qa\" is not one of the AllowedValues: dev, prod",
            "--param Memory \"64\" is less than MinValue 128");
    }

    [Fact]
    public void Names_a_template_without_parameters()
    {
        var errors = TemplateParameters.Check(new JsonObject(), Pairs(["A=1"]));

        errors.Should().Equal("--param A: the template has no parameter A (it declares none)");
    }

    [Fact]
    public void Secrets_are_noecho_values_given_and_defaulted()
    {
        var secrets = TemplateParameters.Secrets(Template, Pairs(["Env=prod", "Password=hunter2", "Subnets=a,b", "Plain=x"]));

        secrets.Should().BeEquivalentTo("hunter2", "a,b", "default-token");
    }

    [Fact]
    public void Secrets_of_a_macro_request_include_list_items()
    {
        var values = JsonNode.Parse("""{"Env": "dev", "Password": "hunter2", "Subnets": ["subnet-1", "subnet-2"], "Token": "t0k"}""")!.AsObject();

        var secrets = TemplateParameters.Secrets(Template, values);

        secrets.Should().BeEquivalentTo("hunter2", "subnet-1,subnet-2", "subnet-1", "subnet-2", "t0k");
    }

    [Fact]
    public void Tolerates_malformed_parameter_declarations()
    {
        var template = JsonNode.Parse("""{"Parameters": {"Odd": "not an object", "Fine": {"NoEcho": true}}}""")!.AsObject();

        TemplateParameters.Secrets(template, Pairs(["Odd=x", "Fine=y"])).Should().Equal("y");
    }

    private static List<KeyValuePair<string, string>> Pairs(string[] given) =>
        [.. given.Select(g => g.Split('=', 2)).Select(p => new KeyValuePair<string, string>(p[0], p[1]))];
}
