using System.Net;

namespace MacroVersioning.Lambda;

/// <summary>The runtime API answered with a status other than the one the call expects.</summary>
internal sealed class RuntimeApiException(string operation, HttpStatusCode status)
    : Exception($"runtime API {operation} answered HTTP {(int)status} ({status})")
{
    public HttpStatusCode Status { get; } = status;
}
