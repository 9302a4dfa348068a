using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Storage.ControlNumbers;

/// <summary>
/// Issues X12 control numbers per trading partner and envelope level from PostgreSQL, atomically, so concurrent
/// hub instances never reuse one. Numbers run 1..999,999,999 (ISA13 is nine digits) and then wrap.
/// </summary>
public sealed class ControlNumberAllocator(HubDbContext db)
{
    public const long MaxValue = 999_999_999;

    /// <summary>Returns the next control number of <paramref name="scope"/> for <paramref name="tradingPartner"/>.</summary>
    public async Task<long> NextAsync(string tradingPartner, string scope, CancellationToken cancellationToken = default) =>
        (await ReserveAsync(tradingPartner, scope, 1, cancellationToken)).First;

    /// <summary>
    /// Reserves <paramref name="count"/> consecutive numbers in one statement, for a caller that hands them out from memory
    /// (one database round trip per block instead of per interchange). A block never straddles the wrap: when it would
    /// pass <see cref="MaxValue"/> the series restarts at 1. Numbers of a block that is never used are simply skipped.
    /// </summary>
    public async Task<ControlNumberBlock> ReserveAsync(string tradingPartner, string scope, int count, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tradingPartner);
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 10_000);
        var values = await db.Database.SqlQuery<long>($"""
            INSERT INTO control_number_sequences (trading_partner, scope, last_value, updated_at)
            VALUES ({tradingPartner}, {scope}, {count}, now())
            ON CONFLICT (trading_partner, scope) DO UPDATE
              SET last_value = CASE WHEN control_number_sequences.last_value + {count} > {MaxValue} THEN {count}
                                    ELSE control_number_sequences.last_value + {count} END,
                  updated_at = now()
            RETURNING last_value AS "Value"
            """).ToListAsync(cancellationToken);
        return new ControlNumberBlock(values[0] - count + 1, count);
    }
}
