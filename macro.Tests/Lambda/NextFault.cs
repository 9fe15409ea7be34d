namespace MacroVersioning.Tests.Lambda;

/// <summary>How the stand-in runtime API fails a <c>next</c> call.</summary>
public enum NextFault
{
    Status500,
    ConnectionReset,
}
