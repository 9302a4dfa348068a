using DentalClaimsHub.X12.Writing;

namespace DentalClaimsHub.Adapters.X12.ControlNumbers;

/// <summary>
/// The ISA, GS and ST numbers of one single-transaction interchange, taken from an <see cref="IControlNumberAllocator"/>
/// before writing starts, so the synchronous envelope writer never waits on the database.
/// </summary>
public sealed class PreallocatedControlNumbers : IControlNumberSource
{
    private static readonly string[] Scopes = ["ISA", "GS", "ST"];
    private readonly Dictionary<string, long> _numbers;
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    private PreallocatedControlNumbers(Dictionary<string, long> numbers) => _numbers = numbers;

    /// <summary>The interchange control number (ISA13).</summary>
    public long Interchange => _numbers["ISA"];

    /// <summary>The group control number (GS06).</summary>
    public long Group => _numbers["GS"];

    /// <summary>The transaction set control number (ST02).</summary>
    public long Transaction => _numbers["ST"];

    /// <summary>Takes one number of each scope for <paramref name="tradingPartner"/>.</summary>
    public static async Task<PreallocatedControlNumbers> AllocateAsync(
        IControlNumberAllocator allocator, string tradingPartner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(allocator);
        var numbers = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var scope in Scopes)
        {
            numbers[scope] = await allocator.NextAsync(tradingPartner, scope, cancellationToken);
        }

        return new PreallocatedControlNumbers(numbers);
    }

    /// <inheritdoc />
    /// <remarks>Each scope's number is handed out once; a second interchange, group or transaction is a bug.</remarks>
    public long Next(string scope)
    {
        if (!_numbers.TryGetValue(scope, out var number))
        {
            throw new ArgumentOutOfRangeException(nameof(scope), scope, "Only ISA, GS and ST numbers are pre-allocated.");
        }

        return _used.Add(scope)
            ? number
            : throw new InvalidOperationException($"The pre-allocated {scope} control number has already been used.");
    }
}
