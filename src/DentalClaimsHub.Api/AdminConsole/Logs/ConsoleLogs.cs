using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Rosters;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.AdminConsole.Logs;

/// <summary>A roster import as the console lists it (no personal data: file name, counts and status only).</summary>
public sealed record RosterImportRow(Guid Id, DateTimeOffset ReceivedAt, string PracticeName, string PayerName, string FileName, string? Kind,
    string? Format, RosterImportStatus Status, int RowsRead, int Attached, int Detached, int Changed, int Unchanged, int ErrorCount, string? Failure)
{
    /// <summary>The code of <see cref="Failure"/> and its values (null and empty for imports failed before codes).</summary>
    public string? FailureCode { get; init; }

    public IReadOnlyList<string> FailureArgs { get; init; } = [];
}

/// <summary>An eligibility check as the log lists it: when, for whom (practice, payer — no patient data), how it went and how long it took.</summary>
public sealed record EligibilityRow(Guid Id, DateTimeOffset RequestedAt, string PracticeName, string PayerName, DateOnly ServiceDate,
    EligibilityCheckStatus Status, string? Coverage, string? FailureCode, string? FailureReason, TimeSpan? Duration, string? TraceNumber)
{
    /// <summary>The reason's code and values (<c>EligibilityCheck.FailureReasonCode</c>); none on checks failed before codes.</summary>
    public string? FailureReasonCode { get; init; }

    public IReadOnlyList<string> FailureReasonArgs { get; init; } = [];
}

/// <summary>
/// Read-only logs for the console: roster imports (with their line-numbered row errors) and eligibility checks. Hub-wide,
/// newest first, a page at a time (<c>before</c> is the last instant of the previous page).
/// </summary>
public sealed class ConsoleLogs(IDbContextFactory<HubDbContext> contexts, PayerProfileCatalog payers)
{
    public const int PageSize = 50;

    public async Task<IReadOnlyList<RosterImportRow>> RosterImportsAsync(Guid? practiceId, DateTimeOffset? before, CancellationToken ct)
    {
        await using var db = contexts.CreateHubWideContext();
        var query = db.RosterImports.AsNoTracking().Where(i => (practiceId == null || i.PracticeId == practiceId) && (before == null || i.ReceivedAt < before));
        var rows = await (
            from i in query.OrderByDescending(i => i.ReceivedAt).Take(PageSize)
            join p in db.Practices.AsNoTracking() on i.PracticeId equals p.Id
            select new { i.Id, i.ReceivedAt, PracticeName = p.Name, i.PayerId, i.FileName, i.Kind, i.Format, i.Status, i.RowsRead, i.Attached, i.Detached,
                i.Changed, i.Unchanged, i.ErrorCount, i.Failure }).ToListAsync(ct);
        return rows.OrderByDescending(r => r.ReceivedAt).Select(r => new RosterImportRow(r.Id, r.ReceivedAt, r.PracticeName, Payer(r.PayerId), r.FileName,
            r.Kind, r.Format, r.Status, r.RowsRead, r.Attached, r.Detached, r.Changed, r.Unchanged, r.ErrorCount, r.Failure)).ToList();
    }

    /// <summary>One import with its row errors (their values may be personal data: the page audits the view).</summary>
    public async Task<(RosterImportRow Import, Guid PracticeId, IReadOnlyList<RosterImportError> Errors)?> RosterImportAsync(Guid id, CancellationToken ct)
    {
        await using var db = contexts.CreateHubWideContext();
        var import = await db.RosterImports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (import is null)
        {
            return null;
        }

        var practice = await db.Practices.AsNoTracking().Where(p => p.Id == import.PracticeId).Select(p => p.Name).SingleAsync(ct);
        var row = new RosterImportRow(import.Id, import.ReceivedAt, practice, Payer(import.PayerId), import.FileName, import.Kind, import.Format, import.Status,
            import.RowsRead, import.Attached, import.Detached, import.Changed, import.Unchanged, import.ErrorCount, import.Failure)
        {
            FailureCode = import.FailureCode, FailureArgs = import.FailureArgs,
        };
        return (row, import.PracticeId, import.Errors.OrderBy(e => e.Row).ToList());
    }

    public async Task<IReadOnlyList<EligibilityRow>> EligibilityAsync(Guid? practiceId, string? payerId, DateTimeOffset? before, CancellationToken ct)
    {
        await using var db = contexts.CreateHubWideContext();
        var query = db.EligibilityChecks.AsNoTracking()
            .Where(c => (practiceId == null || c.PracticeId == practiceId) && (payerId == null || c.PayerId == payerId) && (before == null || c.RequestedAt < before));
        var checks = await query.OrderByDescending(c => c.RequestedAt).Take(PageSize).ToListAsync(ct);
        var ids = checks.Select(c => c.PracticeId).Distinct().ToList();
        var practices = await db.Practices.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return checks.Select(c => new EligibilityRow(c.Id, c.RequestedAt, practices.GetValueOrDefault(c.PracticeId, "?"), Payer(c.PayerId), c.ServiceDate,
            c.Status, c.Result?.Status.ToString(), c.FailureCode, c.FailureReason, c.CompletedAt - c.RequestedAt, c.TraceNumber)
        {
            FailureReasonCode = c.FailureReasonCode,
            FailureReasonArgs = c.FailureReasonArgs,
        }).ToList();
    }

    private string Payer(string id) => payers.Find(id)?.DisplayName ?? id;
}
