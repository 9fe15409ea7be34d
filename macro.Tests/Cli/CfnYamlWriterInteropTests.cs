using System.Diagnostics;
using System.Text.Json.Nodes;
using MacroVersioning.Cli;

namespace MacroVersioning.Tests.Cli;

/// <summary>
/// The YAML the CLI writes must mean the same to the tools users run on it next: cfn-lint (libyaml) and
/// the AWS CLI / SAM CLI loader (PyYAML SafeLoader with a multi-constructor for short-form tags).
/// </summary>
public sealed class CfnYamlWriterInteropTests : IDisposable
{
    private const string Script =
        """
        import json, sys, yaml
        from cfnlint.decode import cfn_yaml

        def intrinsic(loader, suffix, node):
            key = suffix if suffix in ("Ref", "Condition") else "Fn::" + suffix
            if suffix == "GetAtt" and isinstance(node, yaml.ScalarNode):
                return {key: node.value.split(".", 1)}
            if isinstance(node, yaml.ScalarNode):
                return {key: loader.construct_scalar(node)}
            if isinstance(node, yaml.SequenceNode):
                return {key: loader.construct_sequence(node, deep=True)}
            return {key: loader.construct_mapping(node, deep=True)}

        class AwsCliLoader(yaml.SafeLoader):
            pass

        AwsCliLoader.add_multi_constructor("!", intrinsic)
        text = open(sys.argv[1], encoding="utf-8").read()
        expected = json.load(open(sys.argv[2], encoding="utf-8"))
        for name, value in (("cfn-lint", cfn_yaml.loads(text)), ("aws-cli", yaml.load(text, AwsCliLoader))):
            actual = json.loads(json.dumps(value))
            for i, (a, e) in enumerate(zip(actual["Values"], expected["Values"])):
                if a != e:
                    print(f"{name}: item {i}: read {a!r}, expected {e!r}")
        """;

    private readonly CliTempDirectory directory = new();

    [Fact]
    public async Task Cfn_lint_and_the_aws_cli_read_the_written_yaml_as_the_json_it_came_from()
    {
        var values = new JsonArray([.. CfnYamlWriterTests.RoundTrips.Select(row => JsonNode.Parse((string)row[1]))]);
        var template = new JsonObject { ["Values"] = values };
        var yamlPath = directory.Write("template.yaml", CfnYamlWriter.Write(template));
        var jsonPath = directory.Write("template.json", CfnJsonWriter.Write(template));
        var scriptPath = directory.Write("check.py", Script);

        var (exitCode, output) = await RunPythonAsync(scriptPath, yamlPath, jsonPath);

        exitCode.Should().Be(0, $"the check runs python3 with cfn-lint 1.51.0 (pip install cfn-lint==1.51.0); it said:\n{output}");
        output.Should().BeEmpty();
    }

    public void Dispose() => directory.Dispose();

    private static async Task<(int ExitCode, string Output)> RunPythonAsync(params string[] args)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, $"python3 could not be started: {e.Message}");
        }

        using var started = process;
        var stdout = started.StandardOutput.ReadToEndAsync();
        var stderr = started.StandardError.ReadToEndAsync();
        await started.WaitForExitAsync();
        return (started.ExitCode, (await stdout) + (await stderr));
    }
}
