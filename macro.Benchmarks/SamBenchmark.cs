using System.Text.Json.Nodes;

namespace MacroVersioning.Benchmarks;

/// <summary>
/// Against SAM's own transform, process to process: the generated template through python3's
/// samtranslator (sam_transform.py, offline) and its macro request through <c>VersioningMacro invoke</c>
/// (the ReadyToRun publish the startup benchmark makes). The macro runs before SAM in every
/// deployment, so the ratio is what the macro adds to the transform time.
/// </summary>
internal static class SamBenchmark
{
    public static readonly int[] Sizes = TransformBenchmark.Sizes;

    public static int Run(BenchmarkArgs args, TextWriter output)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "sam_transform.py");
        var version = ProcessTimer.Run("python3", ["-c", "import samtranslator; print(samtranslator.__version__)"]).Stdout.Trim();
        output.WriteLine(MachineInfo.Describe());
        output.WriteLine($"Publishing the macro (Release, linux-x64, framework-dependent, ReadyToRun) ...; SAM translator {version}");
        var macro = Artifacts.Publish("macro/VersioningMacro.csproj", "macro-r2r", readyToRun: true);
        output.WriteLine($"Against SAM, process start to output on stdout ({args.Runs} runs per size, alternating):");
        output.WriteLine();
        output.WriteLine("| resources | SAM translator ms (min-max) | VersioningMacro invoke ms (min-max) | macro / SAM | macro response |");
        output.WriteLine("|---:|---|---|---:|---|");
        foreach (var size in Sizes)
        {
            var samInput = Artifacts.GeneratedSamInput(size);
            var macroEvent = Artifacts.GeneratedEvent(size);
            // One unmeasured run each (page cache, .pyc compilation); the macro's tells its status.
            Sam(script, samInput);
            var status = Macro(macro, macroEvent).Status;
            var sam = new List<double>();
            var ours = new List<double>();
            for (var run = 0; run < args.Runs; run++)
            {
                if (run % 2 == 0)
                {
                    sam.Add(Sam(script, samInput));
                    ours.Add(Macro(macro, macroEvent).Ms);
                }
                else
                {
                    ours.Add(Macro(macro, macroEvent).Ms);
                    sam.Add(Sam(script, samInput));
                }
            }

            var (s, o) = (Stats.Of(sam), Stats.Of(ours));
            output.WriteLine($"| {size} | {s.Median:0} ({s.Min:0}-{s.Max:0}) | {o.Median:0} ({o.Min:0}-{o.Max:0}) | {o.Median / s.Median:0.00} | {status} |");
        }

        output.WriteLine("Target: macro / SAM <= 0.5 at 500 resources.");
        return 0;
    }

    private static double Sam(string script, string input)
    {
        var (ms, exitCode, stdout) = ProcessTimer.Run("python3", [script, input]);
        if (exitCode != 0 || JsonNode.Parse(stdout)?["Resources"] is not JsonObject)
        {
            throw new InvalidOperationException($"sam_transform.py failed ({exitCode}); is aws-sam-translator installed (pip install aws-sam-translator==1.110.0)?");
        }

        return ms;
    }

    /// <summary>Exit code 1 is an answered failure (the 500-resource template breaks the quota once versions are added).</summary>
    private static (double Ms, string Status) Macro(string macro, string input)
    {
        var (ms, exitCode, stdout) = ProcessTimer.Run(macro, ["invoke", input]);
        var status = JsonNode.Parse(stdout)?["status"]?.GetValue<string>();
        if (exitCode > 1 || status is null)
        {
            throw new InvalidOperationException($"VersioningMacro invoke failed ({exitCode}):\n{stdout}");
        }

        return (ms, status);
    }
}
