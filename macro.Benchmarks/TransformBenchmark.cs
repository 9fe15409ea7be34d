using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MacroVersioning.Core;
using MacroVersioning.Lambda;

namespace MacroVersioning.Benchmarks;

/// <summary>
/// The core transform in-process, as a warm Lambda runs it: the request body (a string) in, through
/// <see cref="MacroHandler.HandleAsync"/> (parse and check the envelope, transform, write the
/// response), the response body (a string) out. The floor is System.Text.Json alone doing the least
/// any JSON-tree transform must: parse the same body into a <see cref="JsonNode"/> and write it back.
/// </summary>
internal static class TransformBenchmark
{
    /// <summary>
    /// 330 is the largest generated template that still deploys: with its 165 versions it holds 495
    /// resources. At 500 the macro does all the work and then answers with the quota problem (750 > 500).
    /// </summary>
    public static readonly int[] Sizes = [10, 100, 330, 500];

    private static readonly JsonSerializerOptions FloorOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> RunAsync(BenchmarkArgs args, TextWriter output)
    {
        await output.WriteLineAsync(MachineInfo.Describe());
        await output.WriteLineAsync($"Core transform, in-process ({args.Runs} runs per size; each run repeats the operation to last ~{TargetRunMs} ms):");
        await output.WriteLineAsync("  ours  = MacroHandler.HandleAsync(body): envelope parse + checks, MacroTransformer.TransformAsync (location identity), response JSON");
        await output.WriteLineAsync("  floor = JsonNode.Parse(body) + ToJsonString(): System.Text.Json parsing and re-serialising the same request");
        await output.WriteLineAsync("  DOM   = the floor plus reading every object once (JsonNode builds its tree lazily; any transform that edits it pays this)");
        await output.WriteLineAsync();
        await output.WriteLineAsync("| resources | functions | body KiB | floor ms (min-max) | DOM ms | ours ms (min-max) | ours/floor (min-max) | ours/DOM | ours µs/resource | floor / DOM / ours KiB alloc | response |");
        await output.WriteLineAsync("|---:|---:|---:|---|---:|---|---|---:|---:|---|---|");
        var handler = new MacroHandler(_ => new NoCodeSource(), TransformOptions.Lambda(null), TextWriter.Null);
        foreach (var size in Sizes)
        {
            var body = TemplateGenerator.Event(size).ToJsonString();
            var status = Status(handler.HandleAsync(body, CancellationToken.None).GetAwaiter().GetResult());
            var repeat = Math.Max(1, (int)(TargetRunMs / Math.Max(0.05, Time(() => Ours(handler, body), 3).Ms)));
            // One unmeasured run of each side: tiered compilation settles before anything counts.
            Time(() => Floor(body), repeat);
            Time(() => Dom(body), repeat);
            Time(() => Ours(handler, body), repeat);
            var ours = new List<Sample>();
            var floor = new List<Sample>();
            var dom = new List<Sample>();
            for (var run = 0; run < args.Runs; run++)
            {
                // Alternate which side goes first so GC state and noise favour neither.
                if (run % 2 == 0)
                {
                    floor.Add(Time(() => Floor(body), repeat));
                    dom.Add(Time(() => Dom(body), repeat));
                    ours.Add(Time(() => Ours(handler, body), repeat));
                }
                else
                {
                    ours.Add(Time(() => Ours(handler, body), repeat));
                    dom.Add(Time(() => Dom(body), repeat));
                    floor.Add(Time(() => Floor(body), repeat));
                }
            }

            var o = Stats.Of(ours.Select(s => s.Ms));
            var f = Stats.Of(floor.Select(s => s.Ms));
            var d = Stats.Of(dom.Select(s => s.Ms));
            var ratio = Stats.Of(ours.Zip(floor, (a, b) => a.Ms / b.Ms));
            await output.WriteLineAsync(
                $"| {size} | {TemplateGenerator.Functions(size)} | {body.Length / 1024.0:0} | {Range(f)} | {d.Median:0.000} | {Range(o)} | {ratio.Median:0.00} ({ratio.Min:0.00}-{ratio.Max:0.00}) "
                + $"| {o.Median / d.Median:0.00} | {o.Median * 1000 / size:0.0} | {Kib(floor)} / {Kib(dom)} / {Kib(ours)} | {status} |");
        }

        await output.WriteLineAsync("Target: ours/floor <= 1.5 at 500 resources; µs/resource roughly flat (linear growth).");
        return 0;
    }

    private const double TargetRunMs = 250;

    /// <summary>Runs only our side for a while, for a profiler (dotnet-trace) to sample.</summary>
    public static int Loop(int size, double seconds)
    {
        var handler = new MacroHandler(_ => new NoCodeSource(), TransformOptions.Lambda(null), TextWriter.Null);
        var body = TemplateGenerator.Event(size).ToJsonString();
        var started = Stopwatch.GetTimestamp();
        var count = 0;
        while (Stopwatch.GetElapsedTime(started).TotalSeconds < seconds)
        {
            Ours(handler, body);
            count++;
        }

        Console.WriteLine($"{count} transforms of {size} resources in {seconds} s: {seconds * 1000 / count:0.000} ms each");
        return 0;
    }

    private static string Kib(List<Sample> samples) => $"{samples.Min(s => s.Bytes) / 1024.0:0}";

    private static string Dom(string body)
    {
        var root = JsonNode.Parse(body)!;
        Touch(root);
        return root.ToJsonString(FloorOptions);
    }

    private static void Touch(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    Touch(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Touch(item);
                }

                break;
        }
    }

    private static string Range(Stats s) => $"{s.Median:0.000} ({s.Min:0.000}-{s.Max:0.000})";

    private static string Ours(MacroHandler handler, string body) => handler.HandleAsync(body, CancellationToken.None).GetAwaiter().GetResult();

    private static string Floor(string body) => JsonNode.Parse(body)!.ToJsonString(FloorOptions);

    /// <summary>Milliseconds and bytes allocated per operation, over <paramref name="repeat"/> back-to-back operations.</summary>
    private static Sample Time(Func<string> operation, int repeat)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        var length = 0;
        for (var i = 0; i < repeat; i++)
        {
            length += operation().Length;
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        GC.KeepAlive(length);
        return new Sample(elapsed / repeat, (GC.GetAllocatedBytesForCurrentThread() - allocated) / repeat);
    }

    private static string Status(string response)
    {
        var parsed = JsonNode.Parse(response)!;
        var status = parsed["status"]!.GetValue<string>();
        var message = parsed["errorMessage"]?.GetValue<string>() ?? string.Empty;
        return status == "success" ? "success" : $"failure: {message[..Math.Min(message.Length, 80)]}…";
    }

    private readonly record struct Sample(double Ms, long Bytes);
}
