namespace MacroVersioning.Tests.Faults;

/// <summary>
/// Tests that assert an answer arrives before a Lambda deadline measured in wall time. xunit runs a
/// collection that disables parallelization after all the others, alone: the Native AOT publishes and
/// package builds elsewhere in the suite saturate both cores, and a starved thread pool is not what
/// these tests measure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DeadlineCollection
{
    public const string Name = "deadline";
}
