namespace MacroVersioning.Code;

/// <summary>
/// How hard the S3 content source pushes: parallelism, range sizes, time-outs and retries.
/// The defaults suit a Lambda with 512 MB–1 GB of memory reading code artifacts from its own region.
/// </summary>
/// <param name="MaxParallelObjects">Distinct objects read at once.</param>
/// <param name="RangedReadThreshold">Objects larger than this are read as parallel ranged GETs.</param>
/// <param name="RangeSize">Bytes per ranged GET; each in-flight range holds one buffer of this size.</param>
/// <param name="MaxParallelRangesPerObject">Ranged GETs in flight for one object.</param>
/// <param name="RangeBufferBudget">Range buffers across all objects of one request: bounds memory at budget × range size.</param>
/// <param name="AttemptTimeout">One HTTP attempt's wait for response headers (retried by the SDK).</param>
/// <param name="CallTimeout">One S3 call's wait for response headers, all retries included.</param>
/// <param name="ReadIdleTimeout">Longest wait for the next bytes of a body before the read is a time-out.</param>
/// <param name="MaxErrorRetry">SDK retries (standard mode: throttling, 5xx, time-outs) before an error is final.</param>
internal sealed record S3ReadOptions(
    int MaxParallelObjects,
    long RangedReadThreshold,
    int RangeSize,
    int MaxParallelRangesPerObject,
    int RangeBufferBudget,
    TimeSpan AttemptTimeout,
    TimeSpan CallTimeout,
    TimeSpan ReadIdleTimeout,
    int MaxErrorRetry)
{
    public const int MiB = 1024 * 1024;

    public static S3ReadOptions Default { get; } = new(
        MaxParallelObjects: 4,
        RangedReadThreshold: 16 * MiB,
        RangeSize: 8 * MiB,
        MaxParallelRangesPerObject: 4,
        RangeBufferBudget: 8,
        AttemptTimeout: TimeSpan.FromSeconds(10),
        CallTimeout: TimeSpan.FromSeconds(30),
        ReadIdleTimeout: TimeSpan.FromSeconds(15),
        MaxErrorRetry: 4);
}
