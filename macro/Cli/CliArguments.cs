using System.Text.RegularExpressions;
using MacroVersioning.Core;

namespace MacroVersioning.Cli;

/// <summary>
/// Parses and validates the command line. Every mistake is a usage error naming the flag and what it
/// accepts; a <c>--param</c> value is never repeated in an error, since it may be a NoEcho secret.
/// </summary>
internal static partial class CliArguments
{
    private static readonly string[] TransformFlags =
        ["--param", "--region", "--account", "--code-identity", "--format", "-o", "--output", "--s3-endpoint", "--hash-key-file", "--service-token", "--emit-event"];

    private static readonly string[] DiffFlags =
        ["--param", "--old-param", "--region", "--account", "--code-identity", "--format", "--s3-endpoint", "--hash-key-file"];

    private static readonly string[] InvokeFlags = ["--s3-endpoint", "--hash-key-file"];

    public static CliParseResult Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            return CliParseResult.Usage("no command given; use transform, diff, invoke or prune");
        }

        var command = args[0];
        if (command is "-h" or "--help")
        {
            return new(new HelpRequest(null), null);
        }

        if (command == "help")
        {
            return args.Count > 1 && args[1] is "transform" or "diff" or "invoke" or "prune" ? new(new HelpRequest(args[1]), null) : new(new HelpRequest(null), null);
        }

        var allowed = command switch
        {
            "transform" => TransformFlags,
            "diff" => DiffFlags,
            "invoke" => InvokeFlags,
            "prune" => PruneArgs.Flags,
            _ => null,
        };
        if (allowed is null)
        {
            return CliParseResult.Usage($"unknown command {command}; use transform, diff, invoke or prune");
        }

        var rest = args.Skip(1).ToList();
        if (rest.Any(a => a is "-h" or "--help"))
        {
            return new(new HelpRequest(command), null);
        }

        var dryRun = command == "prune" && rest.RemoveAll(a => a == PruneArgs.DryRunFlag) > 0;
        var (flags, positionals, error) = Split(command, rest, allowed);
        if (error is not null)
        {
            return CliParseResult.Usage(error);
        }

        if (command == "prune")
        {
            return PruneArgs.Parse(positionals, flags, dryRun);
        }

        if (command == "diff")
        {
            return positionals.Count == 2
                ? ParseDiff(positionals[0], positionals[1], flags)
                : CliParseResult.Usage($"diff takes OLD and NEW templates, got {positionals.Count}{(positionals.Count > 0 ? ": " + string.Join(' ', positionals) : "")}");
        }

        var what = command == "transform" ? "TEMPLATE" : "EVENT.json";
        if (positionals.Count != 1)
        {
            return CliParseResult.Usage(positionals.Count == 0
                ? $"{command} needs {what}"
                : $"{command} takes one {what}, got {positionals.Count}: {string.Join(' ', positionals)}");
        }

        return command == "transform" ? ParseTransform(positionals[0], flags) : ParseInvoke(positionals[0], flags);
    }

    private static (List<(string Flag, string Value)> Flags, List<string> Positionals, string? Error) Split(
        string command, List<string> args, string[] allowed)
    {
        var flags = new List<(string, string)>();
        var positionals = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                positionals.AddRange(args.Skip(i + 1));
                break;
            }

            if (!arg.StartsWith('-') || arg == "-")
            {
                positionals.Add(arg);
                continue;
            }

            var (flag, inline) = arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 0 && arg.StartsWith("--", StringComparison.Ordinal)
                ? (arg[..eq], arg[(eq + 1)..])
                : (arg, null);
            if (!allowed.Contains(flag))
            {
                return ([], [], $"unknown option {flag} for {command}; see {command} --help");
            }

            if (inline is null && i + 1 >= args.Count)
            {
                return ([], [], $"{flag} needs a value");
            }

            flags.Add((flag == "--output" ? "-o" : flag, inline ?? args[++i]));
        }

        return (flags, positionals, null);
    }

    private static CliParseResult ParseTransform(string template, List<(string Flag, string Value)> flags)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        foreach (var (_, text) in flags.Where(f => f.Flag == "--param"))
        {
            var (key, value, paramError) = ParseParam(text, parameters.Count + 1);
            if (paramError is null && parameters.Any(p => p.Key == key))
            {
                paramError = $"--param {key} is given twice";
            }

            if (paramError is not null)
            {
                return CliParseResult.Usage(paramError);
            }

            parameters.Add(new(key, value));
        }

        var once = Once(flags, "--region", "--account", "--code-identity", "--format", "-o", "--s3-endpoint", "--hash-key-file", "--service-token", "--emit-event");
        if (once.Error is not null)
        {
            return CliParseResult.Usage(once.Error);
        }

        var values = once.Values;
        var region = values.GetValueOrDefault("--region", TransformRequest.DefaultRegion);
        var account = values.GetValueOrDefault("--account", TransformRequest.DefaultAccountId);
        var identityText = values.GetValueOrDefault("--code-identity");
        var formatText = values.GetValueOrDefault("--format", "json");
        var serviceToken = values.GetValueOrDefault("--service-token");
        string? error = null;
        var endpoint = Endpoint(values.GetValueOrDefault("--s3-endpoint"), ref error);
        error ??= !RegionPattern().IsMatch(region) ? $"--region {region} is not a region name (like us-east-1)"
            : !AccountPattern().IsMatch(account) ? $"--account {account} is not a 12-digit account id"
            : identityText is not (null or "content" or "location") ? $"--code-identity {identityText} is not content or location"
            : formatText is not ("json" or "yaml") ? $"--format {formatText} is not json or yaml"
            : serviceToken is not null && !FunctionArnPattern().IsMatch(serviceToken)
                ? $"--service-token {serviceToken} is not an unqualified Lambda function ARN (arn:aws:lambda:REGION:ACCOUNT:function:NAME; no :version or :alias, since a custom resource's ServiceToken cannot change)"
            : identityText is not null && values.ContainsKey("--emit-event")
                ? "--emit-event writes the request CloudFormation would send, which has no --code-identity; set CodeIdentity in the template's VersioningMacro Parameters instead"
            : null;
        if (error is not null)
        {
            return CliParseResult.Usage(error);
        }

        var identity = identityText switch
        {
            "content" => CodeIdentityMode.Content,
            "location" => CodeIdentityMode.Location,
            _ => (CodeIdentityMode?)null,
        };
        var format = formatText == "yaml" ? TemplateFormat.Yaml : TemplateFormat.Json;
        return new(new TransformRequest(
            template, parameters, region, account, identity, format, values.GetValueOrDefault("-o"), endpoint, values.GetValueOrDefault("--hash-key-file"),
            serviceToken, values.GetValueOrDefault("--emit-event")), null);
    }

    /// <summary><c>transform</c>'s options, but <c>--format</c> picks the diff's output (text or json) and there is no <c>-o</c>.</summary>
    private static CliParseResult ParseDiff(string old, string @new, List<(string Flag, string Value)> flags)
    {
        var formats = flags.Where(f => f.Flag == "--format").Select(f => f.Value).ToList();
        if (formats.Count > 1)
        {
            return CliParseResult.Usage("--format is given twice");
        }

        var format = formats.FirstOrDefault() ?? "text";
        if (format is not ("text" or "json"))
        {
            return CliParseResult.Usage($"--format {format} is not text or json");
        }

        var parsed = ParseTransform(old, [.. flags.Where(f => f.Flag is not ("--format" or "--old-param"))]);
        if (parsed.Request is not TransformRequest t)
        {
            return parsed;
        }

        // --old-param values go through --param's checks, so their errors read the same (and never echo a value).
        var oldParsed = ParseTransform(old, [.. flags.Where(f => f.Flag == "--old-param").Select(f => ("--param", f.Value))]);
        if (oldParsed.Request is not TransformRequest o)
        {
            return CliParseResult.Usage(oldParsed.Error!.Replace("--param", "--old-param", StringComparison.Ordinal));
        }

        return new(new DiffRequest(
            old, @new, t.Parameters, o.Parameters, t.Region, t.AccountId, t.CodeIdentity, format == "json", t.S3Endpoint, t.HashKeyFile), null);
    }

    private static CliParseResult ParseInvoke(string eventPath, List<(string Flag, string Value)> flags)
    {
        var (values, error) = Once(flags, "--s3-endpoint", "--hash-key-file");
        var endpoint = Endpoint(values.GetValueOrDefault("--s3-endpoint"), ref error);
        return error is not null
            ? CliParseResult.Usage(error)
            : new(new InvokeRequest(eventPath, endpoint, values.GetValueOrDefault("--hash-key-file")), null);
    }

    private static (string Key, string Value, string? Error) ParseParam(string text, int position)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq < 0)
        {
            // The text may be a secret typed without its key: do not repeat it.
            return (string.Empty, string.Empty, $"--param number {position} is not Key=Value (no '=')");
        }

        var key = text[..eq];
        return ParameterName().IsMatch(key)
            ? (key, text[(eq + 1)..], null)
            : (key, string.Empty, $"--param {key}=...: a parameter name is letters and digits only");
    }

    private static (Dictionary<string, string> Values, string? Error) Once(List<(string Flag, string Value)> flags, params string[] names)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (flag, value) in flags)
        {
            if (names.Contains(flag) && !values.TryAdd(flag, value))
            {
                return (values, $"{flag} is given twice");
            }
        }

        return (values, null);
    }

    private static Uri? Endpoint(string? text, ref string? error)
    {
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return uri;
        }

        error ??= $"--s3-endpoint {text} is not an http:// or https:// URL";
        return null;
    }

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-[0-9]+$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex(@"^[0-9]{12}$")]
    private static partial Regex AccountPattern();

    [GeneratedRegex(@"^arn:aws[a-z-]*:lambda:[a-z]{2}(-[a-z]+)+-[0-9]+:[0-9]{12}:function:[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex FunctionArnPattern();

    [GeneratedRegex(@"^[A-Za-z0-9]+$")]
    private static partial Regex ParameterName();
}
