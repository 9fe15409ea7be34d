using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using MacroVersioning.Aws;
using MacroVersioning.Tests.Tools;

namespace MacroVersioning.Tests.Pruning;

/// <summary>
/// A stand-in for the Lambda REST API on 127.0.0.1 holding one function: versions (paged like Lambda,
/// <c>MaxItems</c> up to 50, <c>Marker</c>/<c>NextMarker</c>), aliases with weights, provisioned
/// concurrency, event source mappings, and faults on demand. It refuses a request that is not SigV4-signed
/// with <see cref="Credentials"/>: the Authorization header's shape, <c>X-Amz-Date</c>, and the signature
/// recomputed from the request as it arrived on the wire (host with port, encoded path and query).
/// </summary>
internal sealed class LambdaApiStandIn : IAsyncDisposable
{
    public const string Region = "eu-west-1";
    public const string FunctionName = "orders";
    public const string FunctionArn = "arn:aws:lambda:eu-west-1:123456789012:function:orders";
    public static readonly ImmutableCredentials Credentials = new("AKIDSTANDIN", "standin/secret+key", null);

    private readonly LoopbackTcpServer server;
    private readonly object gate = new();
    private readonly List<(string Version, string? Description)> versions = [];
    private readonly List<(string Name, string Version, Dictionary<string, double> Weights)> aliases = [];
    private readonly List<string> provisioned = [];
    private readonly List<(string Uuid, string FunctionArn)> mappings = [];
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> deleteFaults = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> listFaults = new();
    private readonly ConcurrentQueue<string> requests = new();
    private int unsigned;

    private LambdaApiStandIn()
    {
        server = new LoopbackTcpServer(AnswerAsync);
    }

    public Uri Endpoint => server.Endpoint;

    /// <summary>Every answer waits this long first (a slow server).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Deletions wait this long first.</summary>
    public TimeSpan DeleteDelay { get; set; }

    /// <summary>Requests refused because their signature did not verify.</summary>
    public int Unsigned => Volatile.Read(ref unsigned);

    /// <summary>"METHOD path?query" of each request, in arrival order.</summary>
    public IReadOnlyList<string> Requests => [.. requests];

    public IReadOnlyList<string> Deletes => [.. requests.Where(r => r.StartsWith("DELETE ", StringComparison.Ordinal))];

    public IReadOnlyList<string> Versions
    {
        get
        {
            lock (gate)
            {
                return [.. versions.Select(v => v.Version)];
            }
        }
    }

    public static LambdaApiStandIn Start() => new();

    /// <summary>Publishes versions 1..count; the macro's Description on each unless <paramref name="macro"/> says otherwise.</summary>
    public LambdaApiStandIn WithVersions(int count, Func<int, bool>? macro = null)
    {
        for (var i = 1; i <= count; i++)
        {
            AddVersion(i, macro is null || macro(i) ? MacroDescription(i) : $"published by hand {i}");
        }

        return this;
    }

    public static string MacroDescription(int version) =>
        $"VersioningMacro {version.ToString("x10", CultureInfo.InvariantCulture)}: S3 object; Handler, MemorySize, Runtime";

    public void AddVersion(int version, string? description)
    {
        lock (gate)
        {
            versions.Add((version.ToString(CultureInfo.InvariantCulture), description));
        }
    }

    public void AddAlias(string name, int version, params (int Version, double Weight)[] weights)
    {
        lock (gate)
        {
            aliases.Add((name, version.ToString(CultureInfo.InvariantCulture), weights.ToDictionary(w => w.Version.ToString(CultureInfo.InvariantCulture), w => w.Weight)));
        }
    }

    public void AddProvisionedConcurrency(string qualifier)
    {
        lock (gate)
        {
            provisioned.Add(qualifier);
        }
    }

    /// <param name="qualifier">Null: the mapping names the unqualified function.</param>
    public void AddEventSourceMapping(string uuid, string? qualifier)
    {
        lock (gate)
        {
            mappings.Add((uuid, qualifier is null ? FunctionArn : $"{FunctionArn}:{qualifier}"));
        }
    }

    /// <summary>The next deletion of <paramref name="version"/> answers with this status.</summary>
    public void FailDelete(int version, int status) =>
        deleteFaults.GetOrAdd(version.ToString(CultureInfo.InvariantCulture), _ => new()).Enqueue(status);

    /// <summary>The next GET of this listing (<c>versions</c>, <c>aliases</c>, <c>provisioned-concurrency</c>, <c>event-source-mappings</c>) answers with this status.</summary>
    public void FailList(string listing, int status) => listFaults.GetOrAdd(listing, _ => new()).Enqueue(status);

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private async Task AnswerAsync(TcpClient client, CancellationToken stopping)
    {
        var stream = client.GetStream();
        var request = await StandInHttpRequest.ReadAsync(stream, stopping);
        requests.Enqueue($"{request.Method} {request.Path}");
        var (status, body, errorType) = Verify(request) ?? await RouteAsync(request, stopping);
        await WriteAsync(stream, status, body, errorType);
    }

    private async Task<(int, string, string?)> RouteAsync(StandInHttpRequest request, CancellationToken stopping)
    {
        await Task.Delay(Delay, stopping);
        var question = request.Path.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? request.Path : request.Path[..question];
        var query = Query(question < 0 ? "" : request.Path[(question + 1)..]);
        var segments = path.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        switch (request.Method, segments)
        {
            case ("GET", ["2015-03-31", "functions", var name, "versions"]):
                return Listing("versions", name, query, "Versions", () => versions.Prepend(("$LATEST", null))
                    .Select(v => (JsonNode)new JsonObject { ["Version"] = v.Version, ["Description"] = v.Description, ["FunctionArn"] = $"{FunctionArn}:{v.Version}" }));
            case ("GET", ["2015-03-31", "functions", var name, "aliases"]):
                return Listing("aliases", name, query, "Aliases", () => aliases.Select(a => (JsonNode)new JsonObject
                {
                    ["Name"] = a.Name,
                    ["FunctionVersion"] = a.Version,
                    ["RoutingConfig"] = a.Weights.Count == 0 ? null : new JsonObject { ["AdditionalVersionWeights"] = new JsonObject(a.Weights.Select(w => KeyValuePair.Create(w.Key, (JsonNode?)w.Value))) },
                }));
            case ("GET", ["2019-09-30", "functions", var name, "provisioned-concurrency"]) when query.GetValueOrDefault("List") == "ALL":
                return Listing("provisioned-concurrency", name, query, "ProvisionedConcurrencyConfigs", () => provisioned.Select(q => (JsonNode)new JsonObject { ["FunctionArn"] = $"{FunctionArn}:{q}", ["Status"] = "READY" }));
            case ("GET", ["2015-03-31", "event-source-mappings"]):
                return EventSourceMappings(query);
            case ("DELETE", ["2015-03-31", "functions", var name]) when query.TryGetValue("Qualifier", out var qualifier):
                await Task.Delay(DeleteDelay, stopping);
                return Delete(name, qualifier);
            default:
                return (400, Error("InvalidParameterValueException", $"no such call {request.Method} {request.Path}"), "InvalidParameterValueException");
        }
    }

    private (int, string, string?) Listing(string listing, string name, Dictionary<string, string> query, string member, Func<IEnumerable<JsonNode>> items)
    {
        if (listFaults.TryGetValue(listing, out var faults) && faults.TryDequeue(out var status))
        {
            return Fault(status);
        }

        if (!IsFunction(name))
        {
            return (404, Error("ResourceNotFoundException", $"Function not found: {name}"), "ResourceNotFoundException");
        }

        lock (gate)
        {
            return Page(query, member, [.. items()]);
        }
    }

    private (int, string, string?) EventSourceMappings(Dictionary<string, string> query)
    {
        if (listFaults.TryGetValue("event-source-mappings", out var faults) && faults.TryDequeue(out var status))
        {
            return Fault(status);
        }

        var filter = query.GetValueOrDefault("FunctionName") ?? "";
        var qualifier = filter.Split(':') is { Length: 2 or 8 } parts ? parts[^1] : null;
        lock (gate)
        {
            // As cautious as the API may be: an unqualified filter matches only unqualified mappings.
            var matching = mappings.Where(m => qualifier is null ? m.FunctionArn == FunctionArn : m.FunctionArn == $"{FunctionArn}:{qualifier}")
                .Select(m => (JsonNode)new JsonObject { ["UUID"] = m.Uuid, ["FunctionArn"] = m.FunctionArn, ["State"] = "Enabled" });
            return Page(query, "EventSourceMappings", [.. matching]);
        }
    }

    private (int, string, string?) Delete(string name, string qualifier)
    {
        if (deleteFaults.TryGetValue(qualifier, out var faults) && faults.TryDequeue(out var status))
        {
            return Fault(status);
        }

        lock (gate)
        {
            if (!IsFunction(name) || versions.FindIndex(v => v.Version == qualifier) is var index && index < 0)
            {
                return (404, Error("ResourceNotFoundException", $"Function not found: {FunctionArn}:{qualifier}"), "ResourceNotFoundException");
            }

            if (aliases.Any(a => a.Version == qualifier || a.Weights.ContainsKey(qualifier)))
            {
                return (409, Error("ResourceConflictException", "an alias points to this version"), "ResourceConflictException");
            }

            versions.RemoveAt(index);
            return (204, "", null);
        }
    }

    private static (int, string, string?) Fault(int status) => status switch
    {
        409 => (409, Error("ResourceConflictException", "The operation cannot be performed at this time."), "ResourceConflictException"),
        429 => (429, Error("TooManyRequestsException", "Rate exceeded"), "TooManyRequestsException"),
        404 => (404, Error("ResourceNotFoundException", "Function not found"), "ResourceNotFoundException"),
        200 => (200, "<html>a proxy's page</html>", null),
        400 => (400, Error("InvalidParameterValueException", "Lambda was unable to delete the version because it is a replicated function."), "InvalidParameterValueException"),
        _ => (status, "{\"Type\":\"Service\",\"Message\":\"internal error\"}", "ServiceException"),
    };

    private static (int, string, string?) Page(Dictionary<string, string> query, string member, List<JsonNode> items)
    {
        var start = query.TryGetValue("Marker", out var marker) ? int.Parse(marker["page-".Length..], CultureInfo.InvariantCulture) : 0;
        var size = Math.Min(50, query.TryGetValue("MaxItems", out var max) ? int.Parse(max, CultureInfo.InvariantCulture) : 50);
        var body = new JsonObject { [member] = new JsonArray([.. items.Skip(start).Take(size)]) };
        if (start + size < items.Count)
        {
            body["NextMarker"] = $"page-{(start + size).ToString(CultureInfo.InvariantCulture)}";
        }

        return (200, body.ToJsonString(), null);
    }

    private static bool IsFunction(string name) => name == FunctionName || name == FunctionArn;

    private static string Error(string type, string message) => new JsonObject { ["Type"] = type.EndsWith("ServiceException", StringComparison.Ordinal) ? "Service" : "User", ["message"] = message }.ToJsonString();

    private static Dictionary<string, string> Query(string query) =>
        query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : "");

    /// <returns>Null when the request is signed by <see cref="Credentials"/>; else a 403 to send.</returns>
    private (int, string, string?)? Verify(StandInHttpRequest request)
    {
        if (SigV4RequestCheck.Problem(request, Credentials, Region, LambdaRestApi.Service) is not { } problem)
        {
            return null;
        }

        Interlocked.Increment(ref unsigned);
        return (403, Error(problem.Type, problem.Message), problem.Type);
    }

    private static async Task WriteAsync(NetworkStream stream, int status, string body, string? errorType)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = new StringBuilder($"HTTP/1.1 {status} {(HttpStatusCode)status}\r\nContent-Type: application/json\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n");
        if (errorType is not null)
        {
            head.Append("x-amzn-ErrorType: ").Append(errorType).Append(":http://internal.amazon.com/coral/com.amazonaws.awslambda/\r\n");
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()));
        await stream.WriteAsync(bytes);
    }
}
