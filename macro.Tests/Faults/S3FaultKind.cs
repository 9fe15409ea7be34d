namespace MacroVersioning.Tests.Faults;

/// <summary>How the stand-in S3 answers requests for the bad key.</summary>
internal enum S3FaultKind
{
    /// <summary>Every request, HEAD and GET, gets an error status (a HEAD error has no body, as in S3).</summary>
    Status,

    /// <summary>HEAD is honest; GET gets an error status with its XML error code.</summary>
    GetStatus,

    /// <summary>Never a byte back.</summary>
    Silent,

    /// <summary>GET sends half the body, then a TCP reset.</summary>
    ResetMidBody,

    /// <summary>GET sends half the body, then closes the connection.</summary>
    CloseMidBody,

    /// <summary>GET sends half the body, then nothing more.</summary>
    StallMidBody,

    /// <summary>GET sends a complete body that disagrees with the HEAD (length or MD5).</summary>
    Body,
}
