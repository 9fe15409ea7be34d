namespace MacroVersioning.Code;

/// <summary>
/// The core's only I/O: establish the identity of code objects. Called once per request with the
/// distinct objects of every function, so one object shared by many functions is read once.
/// The real implementation reads S3 and the file system; tests use an in-memory fake.
/// </summary>
public interface ICodeIdentitySource
{
    /// <returns>One digest per object, in the same order. Never throws for a bad object: returns its error.</returns>
    Task<IReadOnlyList<CodeDigest>> DigestAsync(IReadOnlyList<CodeObject> objects, CancellationToken cancellationToken);
}
