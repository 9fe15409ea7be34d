namespace MacroVersioning.Tests.Aot;

/// <summary>Which build of the macro a child process runs.</summary>
public enum MacroBuild
{
    /// <summary>The test's own reference to the macro: <c>dotnet VersioningMacro.dll</c>, JIT-compiled.</summary>
    Jit,

    /// <summary>The Native AOT executable (<see cref="AotExecutable"/>), what provided.al2023 runs.</summary>
    Aot,
}
