using System.Collections.Concurrent;

namespace DentalClaimsHub.X12.Writing;

/// <summary>
/// In-memory, thread-safe control numbers counting up from a start value per scope. Suitable for tests and tools;
/// production senders persist their sequences (see the storage layer).
/// </summary>
public sealed class SequentialControlNumberSource(long start = 1) : IControlNumberSource
{
    private readonly ConcurrentDictionary<string, StrongBox> _counters = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public long Next(string scope)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope);
        var box = _counters.GetOrAdd(scope, _ => new StrongBox(start - 1));
        return Interlocked.Increment(ref box.Value);
    }

    private sealed class StrongBox(long value)
    {
        public long Value = value;
    }
}
