using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Storage.ControlNumbers;

/// <summary>
/// Issues X12 control numbers per trading partner and envelope level from PostgreSQL, atomically, so concurrent
/// hub instances never reuse one. Numbers run 1..999,999,999 (ISA13 is nine digits) and then wrap.
/// </summary>
public sealed class ControlNumberAllocator(HubDbContext db)
{
    public const long MaxValue = 999_999_999;

    public async Task<long> NextAsync(string tradingPartner, string scope, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tradingPartner);
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        var values = await db.Database.SqlQuery<long>($"""
            INSERT INTO control_number_sequences (trading_partner, scope, last_value, updated_at)
            VALUES ({tradingPartner}, {scope}, 1, now())
            ON CONFLICT (trading_partner, scope) DO UPDATE
              SET last_value = CASE WHEN control_number_sequences.last_value >= {MaxValue} THEN 1
                                    ELSE control_number_sequences.last_value + 1 END,
                  updated_at = now()
            RETURNING last_value AS "Value"
            """).ToListAsync(cancellationToken);
        return values[0];
    }
}
