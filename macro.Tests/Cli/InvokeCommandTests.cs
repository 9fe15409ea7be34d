using System.Text.Json.Nodes;
using MacroVersioning.Cli;

namespace MacroVersioning.Tests.Cli;

/// <summary>The command's plumbing, with the Lambda handler replaced by fabricated responses.</summary>
public sealed class InvokeCommandTests : IDisposable
{
    private const string Event =
        """
        {"region": "us-east-1", "accountId": "123456789012", "requestId": "r1", "transformId": "123456789012::VersioningMacro",
         "params": {}, "templateParameterValues": {"Password": "hunter2"},
         "fragment": {"Parameters": {"Password": {"Type": "String", "NoEcho": true}}, "Resources": {}}}
        """;

    private readonly CliTempDirectory project = new();

    private readonly StringWriter stdout = new() { NewLine = "\n" };

    private readonly StringWriter stderr = new() { NewLine = "\n" };

    public static readonly TheoryData<string, string, int, string> Responses = new()
    {
        { "success", """{"requestId":"r1","status":"success","fragment":{"Resources":{}}}""", 0, "" },
        { "failure", """{"requestId":"r1","status":"failure","errorMessage":"Resources.Fn: bad"}""", 1, "the macro answered failure: Resources.Fn: bad" },
        { "no status", """{"requestId":"r1"}""", 1, "has no status" },
        { "not json", "oops", 1, "has no status" },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Maps_the_response_status_to_the_exit_code(string name, string response, int expectedCode, string expectedStderr)
    {
        var eventPath = project.Write("event.json", Event);
        string? received = null;
        var command = new InvokeCommand(stdout, stderr, _ => (body, _) =>
        {
            received = body;
            return Task.FromResult(response);
        });

        var code = await command.RunAsync(new InvokeRequest(eventPath, null, null), CancellationToken.None);

        code.Should().Be(expectedCode, name);
        received.Should().Be(Event, name);
        if (expectedStderr.Length == 0)
        {
            stderr.ToString().Should().BeEmpty(name);
        }
        else
        {
            stderr.ToString().Should().Contain(expectedStderr, name);
        }
        var parsed = response.StartsWith('{') ? JsonNode.Parse(response) : null;
        stdout.ToString().Should().Be(parsed is null ? response + "\n" : CfnJsonWriter.Write(parsed), name);
    }

    [Fact]
    public async Task Masks_noecho_values_from_the_event_in_the_handler_log()
    {
        var eventPath = project.Write("event.json", Event);
        var command = new InvokeCommand(stdout, stderr, log => (_, _) =>
        {
            log.WriteLine("resolved Password to hunter2");
            return Task.FromResult("""{"status":"success"}""");
        });

        await command.RunAsync(new InvokeRequest(eventPath, null, null), CancellationToken.None);

        stderr.ToString().Should().Be("resolved Password to ****\n");
    }

    [Fact]
    public async Task A_noecho_value_that_is_not_text_reaches_the_handler_instead_of_crashing_the_command()
    {
        var eventPath = project.Write("event.json", Event.Replace("hunter2", "hunter\\ud800", StringComparison.Ordinal));
        var command = new InvokeCommand(stdout, stderr, _ => (_, _) => Task.FromResult("""{"requestId":"r1","status":"failure","errorMessage":"templateParameterValues.Password: not text"}"""));

        var code = await command.RunAsync(new InvokeRequest(eventPath, null, null), CancellationToken.None);

        code.Should().Be(1);
        stderr.ToString().Should().Contain("the macro answered failure: templateParameterValues.Password: not text");
    }

    [Fact]
    public async Task Missing_event_file_is_a_usage_error()
    {
        var command = new InvokeCommand(stdout, stderr, _ => (_, _) => Task.FromResult("{}"));

        var code = await command.RunAsync(new InvokeRequest(Path.Combine(project.Path, "nope.json"), null, null), CancellationToken.None);

        code.Should().Be(2);
        stderr.ToString().Should().Contain("does not exist");
    }

    public void Dispose() => project.Dispose();
}
