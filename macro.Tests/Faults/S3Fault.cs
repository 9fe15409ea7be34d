namespace MacroVersioning.Tests.Faults;

/// <summary>One fault of the stand-in S3 on the bad key.</summary>
/// <param name="BodyBytes">The bytes GET sends (all or part of); 100,000 deterministic bytes by default.</param>
/// <param name="HeadLength">The length HEAD declares, when it differs from the body's.</param>
/// <param name="ETagOfOtherBytes">The ETag is the MD5 of other bytes, so the SDK's MD5 check fails.</param>
internal sealed record S3Fault(S3FaultKind Kind, int Status = 200, string ErrorCode = "", byte[]? BodyBytes = null, long? HeadLength = null, bool ETagOfOtherBytes = false)
{
    public byte[] Body => BodyBytes ?? DefaultBody;

    private static readonly byte[] DefaultBody = S3.DeterministicBytes.Array(100_000, 21);
}
