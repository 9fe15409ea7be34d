namespace MacroVersioning.Core.Functions;

/// <summary>How a function property takes part in the version id.</summary>
internal enum PropertyClass
{
    /// <summary>Lambda snapshots it into a version: hashed.</summary>
    Hashed,

    /// <summary>Lambda does not version it (tags, events, concurrency…): never hashed.</summary>
    Ignored,

    /// <summary>The code itself: hashed through its code identity.</summary>
    Code,

    /// <summary>Not known to this release: fail closed rather than guess.</summary>
    Unknown,
}
