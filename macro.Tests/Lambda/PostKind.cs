namespace MacroVersioning.Tests.Lambda;

/// <summary>Which runtime API endpoint a post went to.</summary>
internal enum PostKind
{
    Response,
    InvocationError,
    InitError,
}
