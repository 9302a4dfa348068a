using System.Text;

namespace DentalClaimsHub.Adapters.Transports.CaqhCore;

/// <summary>
/// One <see cref="StringBuilder"/> kept per thread for envelopes: taken while in use, so a nested use gets a new one, and
/// kept back only while it stays small.
/// </summary>
internal static class Builders
{
    private const int KeptCapacity = 64 * 1024;

    [ThreadStatic]
    private static StringBuilder? _kept;

    public static StringBuilder Take(int capacity)
    {
        var builder = _kept;
        _kept = null;
        if (builder is null)
        {
            return new StringBuilder(Math.Max(capacity, 4096));
        }

        builder.EnsureCapacity(capacity);
        return builder;
    }

    public static void Return(StringBuilder builder)
    {
        if (builder.Capacity <= KeptCapacity)
        {
            _kept = builder.Clear();
        }
    }
}
