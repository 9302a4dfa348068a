using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.AdminConsole;
using DentalClaimsHub.Storage.DmsActs;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.AdminConsole.Queue;

/// <summary>What the queue is narrowed to. Null means "any".</summary>
public sealed record WorkQueueFilter
{
    public Guid? PracticeId { get; init; }

    public string? PayerId { get; init; }

    public string? Reason { get; init; }

    /// <summary>Only items that have waited at least this many days.</summary>
    public int? MinAgeDays { get; init; }

    /// <summary>A user id, or <see cref="Guid.Empty"/> for "nobody yet".</summary>
    public Guid? AssigneeId { get; init; }

    public WorkQueueSort Sort { get; init; } = WorkQueueSort.Oldest;

    /// <summary>Which page of <see cref="WorkQueue.PageSize"/> items, from 0.</summary>
    public int Page { get; init; }
}

public enum WorkQueueSort
{
    Oldest,
    Newest,
    AmountHighest,
    Payer,
    Reason,
}

/// <summary>
/// One item to work: a claim that came back, or a line a ДМС insurer's act refused (then <see cref="ActLineId"/> is set and
/// <see cref="ClaimId"/> is the matched claim, or empty when the insurer named a claim we do not know).
/// </summary>
public sealed record WorkItem(
    Guid ClaimId,
    string PatientControlNumber,
    Guid PracticeId,
    string PracticeName,
    string PayerId,
    string PayerName,
    string PatientName,
    ClaimState State,
    decimal Amount,
    string Currency,
    WorkReason Reason,
    string ReasonText,
    DateTimeOffset Since,
    int AgeDays,
    Guid? AssigneeId,
    string? AssigneeName,
    bool Appealed = false,
    Guid? ActLineId = null,
    DmsActWorkStatus? LineStatus = null)
{
    /// <summary>The item's own id: the claim's, or the act line's.</summary>
    public Guid Id => ActLineId ?? ClaimId;

    public string Link => ActLineId is { } line ? $"console/dms-lines/{line}" : $"console/claims/{ClaimId}";
}

public sealed record ReasonCount(string Reason, int Count);

public sealed record WorkQueuePage(IReadOnlyList<WorkItem> Items, int Total, IReadOnlyList<ReasonCount> ReasonCounts);

/// <summary>A practice, payer or user to offer in a filter.</summary>
public sealed record Choice(string Value, string Label);

/// <summary>
/// The billing specialists' queue: claims a payer rejected (TA1, 999, 277CA, FHIR) or denied (835, 277, ДМС), newest
/// state first per claim, with the reason reduced to a groupable key, the age since it came back and the assignee.
/// Counts per reason cover the whole filtered set, not just the page shown.
/// </summary>
public sealed class WorkQueue(IDbContextFactory<HubDbContext> contexts, PayerProfileCatalog payers, TimeProvider time)
{
    public const int PageSize = 100;

    private static readonly ClaimState[] QueueStates = [ClaimState.Rejected, ClaimState.Denied];

    public async Task<WorkQueuePage> LoadAsync(WorkQueueFilter filter, CancellationToken ct)
    {
        await using var db = contexts.CreateHubWideContext();
        var claims = db.Claims.AsNoTracking().IgnoreAutoIncludes().Where(c => QueueStates.Contains(c.State));
        if (filter.PracticeId is { } practice)
        {
            claims = claims.Where(c => c.PracticeId == practice);
        }

        if (!string.IsNullOrEmpty(filter.PayerId))
        {
            claims = claims.Where(c => c.PayerId == filter.PayerId);
        }

        var rows = await (
            from c in claims
            join p in db.Practices.AsNoTracking() on c.PracticeId equals p.Id
            join patient in db.Patients.AsNoTracking() on c.PatientId equals patient.Id
            join a in db.WorkAssignments.AsNoTracking().Where(a => a.SubjectType == WorkAssignment.Claim) on c.Id equals a.SubjectId into assigned
            from a in assigned.DefaultIfEmpty()
            select new
            {
                c.Id,
                c.PatientControlNumber,
                c.PracticeId,
                PracticeName = p.Name,
                c.PayerId,
                patient.Name,
                c.State,
                c.Currency,
                Amount = c.Lines.Sum(l => l.Fee.Amount),
                Last = c.Timeline.Where(t => t.To == c.State).OrderByDescending(t => t.Sequence).Select(t => new { t.Reason, t.At }).FirstOrDefault(),
                AssigneeId = a == null ? (Guid?)null : a.AssigneeId,
                Appealed = db.ClaimActivities.Any(x => x.ClaimId == c.Id && x.Kind == ClaimActivityKind.Appealed),
            }).ToListAsync(ct);

        var userNames = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var now = time.GetUtcNow();
        var actLines = await ActLinesAsync(db, filter, userNames, now, ct);
        var items = rows.Select(r =>
        {
            var profile = payers.Find(r.PayerId);
            var since = r.Last?.At ?? now;
            var reason = WorkReason.Of(r.State, r.Last?.Reason);
            if (profile?.Dms is not null)
            {
                reason = new WorkReason("ДМС", reason.Source == "other" ? "" : reason.Code);
            }

            return new WorkItem(r.Id, r.PatientControlNumber, r.PracticeId, r.PracticeName, r.PayerId, profile?.DisplayName ?? r.PayerId,
                r.Name.ToString(), r.State, r.Amount, r.Currency, reason, r.Last?.Reason ?? "", since, Math.Max(0, (int)(now - since).TotalDays),
                r.AssigneeId, r.AssigneeId is { } id ? userNames.GetValueOrDefault(id) : null, r.Appealed);
        });

        items = items.Concat(actLines);
        if (filter.MinAgeDays is { } minAge)
        {
            items = items.Where(i => i.AgeDays >= minAge);
        }

        if (filter.AssigneeId is { } assignee)
        {
            items = items.Where(i => assignee == Guid.Empty ? i.AssigneeId is null : i.AssigneeId == assignee);
        }

        var all = items.ToList();
        var counts = all.GroupBy(i => i.Reason.Key).Select(g => new ReasonCount(g.Key, g.Count()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Reason, StringComparer.Ordinal).ToList();
        if (!string.IsNullOrEmpty(filter.Reason))
        {
            all = all.Where(i => i.Reason.Key == filter.Reason).ToList();
        }

        IEnumerable<WorkItem> sorted = filter.Sort switch
        {
            WorkQueueSort.Newest => all.OrderByDescending(i => i.Since),
            WorkQueueSort.AmountHighest => all.OrderByDescending(i => i.Amount).ThenBy(i => i.Since),
            WorkQueueSort.Payer => all.OrderBy(i => i.PayerName, StringComparer.CurrentCulture).ThenBy(i => i.Since),
            WorkQueueSort.Reason => all.OrderBy(i => i.Reason.Key, StringComparer.Ordinal).ThenBy(i => i.Since),
            _ => all.OrderBy(i => i.Since),
        };
        return new WorkQueuePage(sorted.Skip(Math.Max(0, filter.Page) * PageSize).Take(PageSize).ToList(), all.Count, counts);
    }

    // Refused or unmatched lines of ДМС acts that wait for the clinic (open) or that it contests with the insurer (disputed).
    private async Task<IEnumerable<WorkItem>> ActLinesAsync(HubDbContext db, WorkQueueFilter filter, Dictionary<Guid, string> userNames,
        DateTimeOffset now, CancellationToken ct)
    {
        var lines = db.DmsActLines.AsNoTracking().Where(l => l.WorkStatus == DmsActWorkStatus.Open || l.WorkStatus == DmsActWorkStatus.Disputed);
        if (filter.PracticeId is { } practice)
        {
            lines = lines.Where(l => l.PracticeId == practice);
        }

        var rows = await (
            from l in lines
            join act in db.DmsActs.AsNoTracking() on l.ActId equals act.Id
            join p in db.Practices.AsNoTracking() on l.PracticeId equals p.Id
            join c in db.Claims.AsNoTracking().IgnoreAutoIncludes() on l.ClaimId equals c.Id into claims
            from c in claims.DefaultIfEmpty()
            join patient in db.Patients.AsNoTracking() on c.PatientId equals patient.Id into patients
            from patient in patients.DefaultIfEmpty()
            join a in db.WorkAssignments.AsNoTracking().Where(a => a.SubjectType == WorkAssignment.DmsActLine) on l.Id equals a.SubjectId into assigned
            from a in assigned.DefaultIfEmpty()
            where filter.PayerId == null || act.PayerId == filter.PayerId
            select new
            {
                l.Id, l.ClaimId, l.ClaimNumber, l.PracticeId, PracticeName = p.Name, act.PayerId, PatientName = patient == null ? null : patient.Name,
                State = c == null ? (ClaimState?)null : c.State, l.Refused, l.Category, l.ReasonText, l.MatchProblem, act.ImportedAt, l.WorkedAt,
                l.WorkStatus, AssigneeId = a == null ? (Guid?)null : a.AssigneeId,
            }).ToListAsync(ct);
        return rows.Select(r =>
        {
            var since = r.WorkedAt ?? r.ImportedAt;
            var code = r.ClaimId is null ? "unmatched" : r.Category ?? "other";
            return new WorkItem(r.ClaimId ?? Guid.Empty, r.ClaimNumber, r.PracticeId, r.PracticeName, r.PayerId, payers.Find(r.PayerId)?.DisplayName ?? r.PayerId,
                r.PatientName?.ToString() ?? "—", r.State ?? ClaimState.Denied, r.Refused, "RUB", new WorkReason("ДМС акт", code),
                r.ReasonText ?? r.MatchProblem ?? "", since, Math.Max(0, (int)(now - since).TotalDays), r.AssigneeId,
                r.AssigneeId is { } id ? userNames.GetValueOrDefault(id) : null, r.WorkStatus == DmsActWorkStatus.Disputed, r.Id, r.WorkStatus);
        });
    }

    /// <summary>The practices, payers and users the filters offer.</summary>
    public async Task<(IReadOnlyList<Choice> Practices, IReadOnlyList<Choice> Payers, IReadOnlyList<Choice> Users)> ChoicesAsync(CancellationToken ct)
    {
        await using var db = contexts.CreateHubWideContext();
        var practices = await db.Practices.AsNoTracking().OrderBy(p => p.Name).Select(p => new Choice(p.Id.ToString(), p.Name)).ToListAsync(ct);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).Select(u => new Choice(u.Id.ToString(), u.DisplayName)).ToListAsync(ct);
        var payerChoices = payers.Profiles.Select(p => new Choice(p.Id, p.DisplayName)).OrderBy(c => c.Label, StringComparer.CurrentCulture).ToList();
        return (practices, payerChoices, users);
    }
}
