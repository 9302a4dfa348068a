using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Api.AdminConsole.Queue;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Storage;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.AdminConsole.Dashboard;

/// <summary>A labelled number for a chart.</summary>
public sealed record ChartPoint(string Label, decimal Value);

/// <summary>How one payer treats claims in the period: acceptance at the front door, denial at adjudication.</summary>
public sealed record PayerRates(string PayerId, string PayerName, int Accepted, int Rejected, int Adjudicated, int Denied)
{
    /// <summary>Accepted ÷ (accepted + rejected), or null with nothing decided yet.</summary>
    public decimal? AcceptanceRate => Accepted + Rejected == 0 ? null : Math.Round((decimal)Accepted / (Accepted + Rejected), 4);

    /// <summary>Denied ÷ adjudicated (paid, partly paid or denied), or null with nothing adjudicated.</summary>
    public decimal? DenialRate => Adjudicated == 0 ? null : Math.Round((decimal)Denied / Adjudicated, 4);
}

/// <summary>Days from submission to payment over the claims paid in the period.</summary>
public sealed record PaymentDays(int Claims, decimal? Median, decimal? P90, IReadOnlyList<ChartPoint> Histogram);

/// <summary>Money collected per day in one currency.</summary>
public sealed record Collections(string Currency, IReadOnlyList<(DateOnly Day, decimal Amount)> Days)
{
    public decimal Total => Days.Sum(d => d.Amount);
}

/// <summary>How many refusals (rejections and denials) of the period gave one reason.</summary>
public sealed record ReasonTally(WorkReason Reason, int Count);

/// <summary>
/// Refusals counted in SQL per what <see cref="WorkReason.Of(ClaimState, string?, string, bool)"/> needs: the state, the coded
/// reason, the payer's own code in its arguments and whether the payer is a ДМС insurer.
/// </summary>
public sealed record RefusalGroup(ClaimState State, string? ReasonCode, string PayerCode, bool Dms, int Count);

public sealed record DashboardData(
    int PeriodDays,
    IReadOnlyList<(ClaimState State, int Count)> ClaimsByState,
    IReadOnlyList<PayerRates> Payers,
    IReadOnlyList<ReasonTally> TopReasons,
    PaymentDays DaysToPayment,
    IReadOnlyList<Collections> Collections);

/// <summary>
/// The dashboard's numbers, hub-wide or for one practice, over the last N days (UTC): claims created in the period by
/// their state now; per payer how many claims the payer accepted or rejected at the front door and, of those it
/// adjudicated, how many it denied; the most frequent rejection/denial reasons (grouped exactly like the work queue, from the
/// timeline's reason code and the payer's code in its arguments); days from first submission to first payment; and money
/// collected per day. Counting happens in the database; only counts per group and the per-claim submission/payment instants
/// of the period come back.
/// Aggregates only — no patient data.
/// </summary>
public sealed class DashboardMetrics(IDbContextFactory<HubDbContext> contexts, PayerProfileCatalog payers, TimeProvider time)
{
    public static readonly IReadOnlyList<int> Periods = [7, 30, 90];

    private static readonly ClaimState[] AcceptedOrLater =
        [ClaimState.Accepted, ClaimState.Pending, ClaimState.Paid, ClaimState.PartiallyPaid, ClaimState.Denied];

    private static readonly ClaimState[] Adjudications = [ClaimState.Paid, ClaimState.PartiallyPaid, ClaimState.Denied];

    public async Task<DashboardData> LoadAsync(int periodDays, Guid? practiceId, CancellationToken ct)
    {
        periodDays = Periods.Contains(periodDays) ? periodDays : 30;
        var since = time.GetUtcNow().AddDays(-periodDays);
        await using var db = contexts.CreateHubWideContext();
        var claims = db.Claims.AsNoTracking().IgnoreAutoIncludes().Where(c => c.Purpose == ClaimPurpose.Claim && (practiceId == null || c.PracticeId == practiceId));
        var timeline = from t in db.Set<ClaimTimelineEntry>().AsNoTracking()
                       join c in claims on t.ClaimId equals c.Id
                       where t.At >= since
                       select new { t.ClaimId, c.PayerId, t.To, t.At, t.Reason };

        var byState = (await claims.Where(c => c.CreatedAt >= since).GroupBy(c => c.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderBy(s => s.Key).Select(s => (s.Key, s.Count)).ToList();

        var outcomes = await timeline.Where(t => t.To == ClaimState.Accepted || t.To == ClaimState.Rejected || Adjudications.Contains(t.To))
            .GroupBy(t => new { t.PayerId, t.To }).Select(g => new { g.Key.PayerId, g.Key.To, Claims = g.Select(t => t.ClaimId).Distinct().Count() })
            .ToListAsync(ct);
        var rates = outcomes.GroupBy(o => o.PayerId).Select(g =>
        {
            int Count(params ClaimState[] states) => g.Where(o => states.Contains(o.To)).Sum(o => o.Claims);
            return new PayerRates(g.Key, payers.Find(g.Key)?.DisplayName ?? g.Key, Count(ClaimState.Accepted), Count(ClaimState.Rejected),
                Count(Adjudications), Count(ClaimState.Denied));
        }).OrderBy(p => p.PayerName, StringComparer.CurrentCulture).ToList();

        var dmsPayers = payers.Profiles.Where(p => p.Dms is not null).Select(p => p.Id).ToArray();
        var refusals = await RefusalGroups(db, since, practiceId, dmsPayers).ToListAsync(ct);
        // A handful of groups (one per code the payers used) fold into the queue's reason keys here.
        var reasons = refusals.GroupBy(r => WorkReason.Of(r.State, r.ReasonCode, r.PayerCode, r.Dms))
            .Select(g => new ReasonTally(g.Key, g.Sum(r => r.Count)))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Reason.Key, StringComparer.Ordinal).Take(10).ToList();

        var paid = await timeline.Where(t => t.To == ClaimState.Paid || t.To == ClaimState.PartiallyPaid)
            .GroupBy(t => t.ClaimId).Select(g => new { ClaimId = g.Key, PaidAt = g.Min(t => t.At) }).ToListAsync(ct);
        var paidIds = paid.Select(p => p.ClaimId).ToList();
        var submitted = await db.Set<ClaimTimelineEntry>().AsNoTracking().Where(t => paidIds.Contains(t.ClaimId) && t.To == ClaimState.Submitted)
            .GroupBy(t => t.ClaimId).Select(g => new { ClaimId = g.Key, At = g.Min(t => t.At) }).ToDictionaryAsync(s => s.ClaimId, s => s.At, ct);
        var days = paid.Where(p => submitted.ContainsKey(p.ClaimId)).Select(p => (decimal)Math.Max(0, (p.PaidAt - submitted[p.ClaimId]).TotalDays)).Order().ToList();

        var collected = await (from p in db.ClaimPayments.AsNoTracking()
                               where p.PostedAt >= since && p.ClaimId != null && (practiceId == null || p.PracticeId == practiceId)
                               select new { p.PostedAt, p.Paid.Amount, p.Paid.Currency }).ToListAsync(ct);
        var collections = collected.GroupBy(c => c.Currency).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new Collections(g.Key,
            g.GroupBy(c => DateOnly.FromDateTime(c.PostedAt!.Value.UtcDateTime)).OrderBy(d => d.Key).Select(d => (d.Key, d.Sum(c => c.Amount))).ToList()))
            .ToList();

        return new DashboardData(periodDays, byState, rates, reasons, Days(days), collections);
    }

    /// <summary>
    /// The period's rejections and denials counted in PostgreSQL by state, reason code, the payer's code (TA1 note and 999 IK5
    /// code: second argument; STC category:status and the first group-CARC: first argument) and ДМС-or-not — one row per group.
    /// </summary>
    public static IQueryable<RefusalGroup> RefusalGroups(HubDbContext db, DateTimeOffset since, Guid? practiceId, string[] dmsPayers)
    {
        ArgumentNullException.ThrowIfNull(db);
        return
            from t in db.Set<ClaimTimelineEntry>().AsNoTracking()
            join c in db.Claims.AsNoTracking().IgnoreAutoIncludes() on t.ClaimId equals c.Id
            where c.Purpose == ClaimPurpose.Claim && (practiceId == null || c.PracticeId == practiceId)
                && t.At >= since && (t.To == ClaimState.Rejected || t.To == ClaimState.Denied)
            let payerCode = t.ReasonCode == TimelineReasonCodes.Ta1Rejected || t.ReasonCode == TimelineReasonCodes.Ack999Rejected
                ? (t.ReasonArgs.Length > 1 ? t.ReasonArgs[1] : "")
                : t.ReasonCode == TimelineReasonCodes.ClaimAckRejected || t.ReasonCode == TimelineReasonCodes.ClaimStatus
                    || t.ReasonCode == TimelineReasonCodes.Remittance
                ? (t.ReasonArgs.Length > 0 ? t.ReasonArgs[0] : "")
                : ""
            group t by new { t.To, t.ReasonCode, PayerCode = payerCode, Dms = dmsPayers.Contains(c.PayerId) } into g
            select new RefusalGroup(g.Key.To, g.Key.ReasonCode, g.Key.PayerCode, g.Key.Dms, g.Count());
    }

    // Median and 90th percentile (nearest rank) and a histogram in the buckets billing staff talk in.
    private static PaymentDays Days(List<decimal> sorted)
    {
        (string Label, decimal UpTo)[] buckets = [("0–7", 7), ("8–14", 14), ("15–30", 30), ("31–60", 60), ("61+", decimal.MaxValue)];
        // Each claim falls in the first bucket whose upper bound (whole days, inclusive) it does not exceed.
        var histogram = buckets.Select((b, i) => new ChartPoint(b.Label,
            sorted.Count(d => Math.Ceiling(d) <= b.UpTo && (i == 0 || Math.Ceiling(d) > buckets[i - 1].UpTo)))).ToList();
        if (sorted.Count == 0)
        {
            return new PaymentDays(0, null, null, histogram);
        }

        decimal Rank(decimal q) => Math.Round(sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)], 1);
        return new PaymentDays(sorted.Count, Rank(0.5m), Rank(0.9m), histogram);
    }
}
