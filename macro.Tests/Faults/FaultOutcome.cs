namespace MacroVersioning.Tests.Faults;

/// <summary>What the first invocation of a fault-matrix row must come to.</summary>
internal enum FaultOutcome
{
    /// <summary>A failure response naming the function, the object and the cause.</summary>
    Failure,

    /// <summary>A success response: the fault was ridden out (a retried <c>next</c>).</summary>
    Success,

    /// <summary>The response could not be delivered, so the runtime API's error endpoint got the invocation's error.</summary>
    ErrorEndpoint,
}
