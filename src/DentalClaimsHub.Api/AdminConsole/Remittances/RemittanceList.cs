using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Domain.Remittances;
using DentalClaimsHub.Storage;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.AdminConsole.Remittances;

/// <summary>What the remittance list is narrowed to. Null means "any".</summary>
public sealed record RemittanceFilter
{
    public Guid? PracticeId { get; init; }

    public string? PayerId { get; init; }

    public RemittanceStatus? Status { get; init; }

    /// <summary>Only remittances with a payment that matched no claim.</summary>
    public bool UnmatchedOnly { get; init; }

    public int Page { get; init; }
}

public sealed record RemittanceRow(Guid Id, string PayerId, string PayerName, string TraceNumber, decimal Amount, string Currency, DateOnly? PaymentDate,
    DateTimeOffset ReceivedAt, RemittanceStatus Status, Guid? PracticeId, string? PracticeName, int Payments, int Unmatched);

public sealed record RemittanceResults(IReadOnlyList<RemittanceRow> Rows, int Total, int Page, int PageSize);

/// <summary>One claim payment of a remittance; <see cref="ClaimId"/> null means it matched no claim and waits for a person.</summary>
public sealed record PaymentRow(Guid Id, int Ordinal, string PatientControlNumber, ClaimPaymentStatus Status, decimal Charge, decimal Paid,
    string Currency, string? PayerClaimNumber, Guid? ClaimId, string? ClaimNumber, DateTimeOffset? PostedAt, string? Note)
{
    /// <summary>The note's code (<see cref="Api.Remittances.PaymentNotes"/>) and values, to word it per culture.</summary>
    public string? NoteCode { get; init; }

    public IReadOnlyList<string> NoteArgs { get; init; } = [];
}

public sealed record RemittanceDetails(RemittanceRow Remittance, IReadOnlyList<string> Problems, Guid? RawMessageId, IReadOnlyList<PaymentRow> Payments)
{
    /// <summary>The code and values of each of <see cref="Problems"/> (empty for problems stored without codes).</summary>
    public IReadOnlyList<RemittanceProblemCode> ProblemCodes { get; init; } = [];
}

/// <summary>Remittances hub-wide, newest first, one page at a time, and one remittance with its claim payments.</summary>
public sealed class RemittanceList(IDbContextFactory<HubDbContext> contexts, PayerProfileCatalog payers)
{
    public const int PageSize = 50;

    public async Task<RemittanceResults> LoadAsync(RemittanceFilter filter, CancellationToken ct)
    {
        await using var db = contexts.CreateHubWideContext();
        var remittances = db.Remittances.AsNoTracking();
        if (filter.PracticeId is { } practice)
        {
            remittances = remittances.Where(r => r.PracticeId == practice);
        }

        if (!string.IsNullOrEmpty(filter.PayerId))
        {
            remittances = remittances.Where(r => r.PayerId == filter.PayerId);
        }

        if (filter.Status is { } status)
        {
            remittances = remittances.Where(r => r.Status == status);
        }

        if (filter.UnmatchedOnly)
        {
            remittances = remittances.Where(r => r.ClaimPayments.Any(p => p.ClaimId == null));
        }

        var total = await remittances.CountAsync(ct);
        var page = Math.Max(0, filter.Page);
        var rows = await Project(db, remittances.OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id).Skip(page * PageSize).Take(PageSize))
            .ToListAsync(ct);
        return new RemittanceResults(rows.Select(Row).ToList(), total, page, PageSize);
    }

    public async Task<RemittanceDetails?> LoadAsync(Guid id, CancellationToken ct)
    {
        await using var db = contexts.CreateHubWideContext();
        var row = await Project(db, db.Remittances.AsNoTracking().Where(r => r.Id == id)).SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var remittance = await db.Remittances.AsNoTracking().Include(r => r.ClaimPayments).SingleAsync(r => r.Id == id, ct);
        var claimIds = remittance.ClaimPayments.Where(p => p.ClaimId != null).Select(p => p.ClaimId!.Value).Distinct().ToList();
        var numbers = await db.Claims.AsNoTracking().IgnoreAutoIncludes().Where(c => claimIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.PatientControlNumber, ct);
        var payments = remittance.ClaimPayments.OrderBy(p => p.Ordinal).Select(p => new PaymentRow(p.Id, p.Ordinal, p.PatientControlNumber, p.Status,
            p.Charge.Amount, p.Paid.Amount, p.Paid.Currency, p.PayerClaimNumber, p.ClaimId, p.ClaimId is { } c ? numbers.GetValueOrDefault(c) : null,
            p.PostedAt, p.Note) { NoteCode = p.NoteCode, NoteArgs = p.NoteArgs }).ToList();
        return new RemittanceDetails(Row(row), remittance.Problems, remittance.RawMessageId, payments) { ProblemCodes = remittance.ProblemCodes };
    }

    private static IQueryable<Projected> Project(HubDbContext db, IQueryable<Remittance> remittances) =>
        from r in remittances
        join p in db.Practices.AsNoTracking() on r.PracticeId equals p.Id into practices
        from p in practices.DefaultIfEmpty()
        select new Projected(r.Id, r.PayerId, r.PayerName, r.Payment.TraceNumber, r.Payment.Amount.Amount, r.Payment.Amount.Currency, r.Payment.PaymentDate,
            r.ReceivedAt, r.Status, r.PracticeId, p == null ? null : p.Name, r.ClaimPayments.Count, r.ClaimPayments.Count(c => c.ClaimId == null));

    private RemittanceRow Row(Projected r) => new(r.Id, r.PayerId, payers.Find(r.PayerId)?.DisplayName ?? r.PayerName ?? r.PayerId, r.TraceNumber,
        r.Amount, r.Currency, r.PaymentDate, r.ReceivedAt, r.Status, r.PracticeId, r.PracticeName, r.Payments, r.Unmatched);

    private sealed record Projected(Guid Id, string PayerId, string? PayerName, string TraceNumber, decimal Amount, string Currency, DateOnly? PaymentDate,
        DateTimeOffset ReceivedAt, RemittanceStatus Status, Guid? PracticeId, string? PracticeName, int Payments, int Unmatched);
}
