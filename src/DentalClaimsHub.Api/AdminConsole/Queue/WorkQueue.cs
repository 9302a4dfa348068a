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
    /// <summary>
    /// The coded reason of the claim's last Rejected/Denied entry (<see cref="ClaimTimelineEntry.ReasonCode"/>), or why an act line
    /// matched nothing (<see cref="DmsActMatchFailures"/>; args: claim number, insurer, code, tooth), to word it per culture.
    /// </summary>
    public string? ReasonCode { get; init; }

    public IReadOnlyList<string> ReasonArgs { get; init; } = [];

    /// <summary>The item's own id: the claim's, or the act line's.</summary>
    public Guid Id => ActLineId ?? ClaimId;

    public string Link => ActLineId is { } line ? $"console/dms-lines/{line}" : $"console/claims/{ClaimId}";
}

public sealed record ReasonCount(string Reason, int Count);

// What the queue filters, groups, sorts and pages on, for claims and act lines alike (one UNION ALL in SQL).
internal sealed class QueueEntry
{
    public Guid Id { get; init; }

    public string PayerId { get; init; } = "";

    public DateTimeOffset Since { get; init; }

    public decimal Amount { get; init; }

    public string Key { get; init; } = "";

    public Guid? AssigneeId { get; init; }
}

public sealed record WorkQueuePage(IReadOnlyList<WorkItem> Items, int Total, IReadOnlyList<ReasonCount> ReasonCounts);

/// <summary>A practice, payer or user to offer in a filter.</summary>
public sealed record Choice(string Value, string Label);

/// <summary>
/// The billing specialists' queue: claims a payer rejected (TA1, 999, 277CA, FHIR) or denied (835, 277, ДМС), newest
/// state first per claim, with the reason reduced to a groupable key, the age since it came back and the assignee; and
/// the lines of ДМС acts an insurer refused. Filtering, the counts per reason (over the whole filtered set, not just the
/// page shown), sorting and paging happen in PostgreSQL: one query counts, one picks the page's ids, two read the page's
/// claims and act lines. The reason key is computed in SQL from the coded timeline entry (<see cref="ClaimTimelineEntry.ReasonCode"/>).
/// </summary>
public sealed class WorkQueue(IDbContextFactory<HubDbContext> contexts, PayerProfileCatalog payers, TimeProvider time)
{
    public const int PageSize = 100;

    private const string LinePrefix = "ДМС акт ";

    private static readonly ClaimState[] QueueStates = [ClaimState.Rejected, ClaimState.Denied];

    private static bool IsLine(string key) => key.StartsWith(LinePrefix, StringComparison.Ordinal);

    public async Task<WorkQueuePage> LoadAsync(WorkQueueFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = contexts.CreateHubWideContext();
        var now = time.GetUtcNow();
        var entries = Entries(db, filter, now);

        var counts = (await entries.GroupBy(e => e.Key).Select(g => new ReasonCount(g.Key, g.Count())).ToListAsync(ct))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Reason, StringComparer.Ordinal).ToList();
        if (!string.IsNullOrEmpty(filter.Reason))
        {
            entries = entries.Where(e => e.Key == filter.Reason);
        }

        var total = string.IsNullOrEmpty(filter.Reason) ? counts.Sum(c => c.Count) : counts.Where(c => c.Reason == filter.Reason).Sum(c => c.Count);
        // Payers sort by the name the console shows, which lives in the payer profiles, not in the database.
        var payerOrder = payers.Profiles.OrderBy(p => p.DisplayName, StringComparer.CurrentCulture).Select(p => p.Id).ToArray();
        var sorted = filter.Sort switch
        {
            WorkQueueSort.Newest => entries.OrderByDescending(e => e.Since),
            WorkQueueSort.AmountHighest => entries.OrderByDescending(e => e.Amount).ThenBy(e => e.Since),
            WorkQueueSort.Payer => entries.OrderBy(e => Array.IndexOf(payerOrder, e.PayerId)).ThenBy(e => e.PayerId).ThenBy(e => e.Since),
            WorkQueueSort.Reason => entries.OrderBy(e => e.Key).ThenBy(e => e.Since),
            _ => entries.OrderBy(e => e.Since),
        };
        var picked = await sorted.ThenBy(e => e.Id).Skip(Math.Max(0, filter.Page) * PageSize).Take(PageSize)
            .Select(e => new { e.Id, e.Key }).ToListAsync(ct);

        var userNames = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var claimIds = picked.Where(p => !IsLine(p.Key)).Select(p => p.Id).ToList();
        var lineIds = picked.Where(p => IsLine(p.Key)).Select(p => p.Id).ToList();
        var found = (await ClaimItemsAsync(db, claimIds, userNames, now, ct)).Concat(await ActLineItemsAsync(db, lineIds, userNames, now, ct))
            .ToDictionary(i => i.Id);
        var items = picked.Where(p => found.ContainsKey(p.Id)).Select(p => found[p.Id] with { Reason = WorkReason.Parse(p.Key) }).ToList();
        return new WorkQueuePage(items, total, counts);
    }

    // One row per queue item with only what filters, groups and sorts: claims in a queue state and open or disputed act lines.
    private IQueryable<QueueEntry> Entries(HubDbContext db, WorkQueueFilter filter, DateTimeOffset now)
    {
        var dmsPayers = payers.Profiles.Where(p => p.Dms is not null).Select(p => p.Id).ToArray();
        var claims = db.Claims.AsNoTracking().IgnoreAutoIncludes().Where(c => QueueStates.Contains(c.State));
        var lines = db.DmsActLines.AsNoTracking().Where(l => l.WorkStatus == DmsActWorkStatus.Open || l.WorkStatus == DmsActWorkStatus.Disputed);
        if (filter.PracticeId is { } practice)
        {
            claims = claims.Where(c => c.PracticeId == practice);
            lines = lines.Where(l => l.PracticeId == practice);
        }

        // Scalar subqueries only (no entity or constant in the projection): EF can then put both sides in one UNION ALL.
        var lasts =
            from c in claims
            join a in db.WorkAssignments.AsNoTracking().Where(a => a.SubjectType == WorkAssignment.Claim) on c.Id equals a.SubjectId into assigned
            from a in assigned.DefaultIfEmpty()
            select new
            {
                c.Id,
                c.PayerId,
                c.State,
                Code = c.Timeline.Where(t => t.To == c.State).OrderByDescending(t => t.Sequence).Select(t => t.ReasonCode).FirstOrDefault(),
                First = c.Timeline.Where(t => t.To == c.State).OrderByDescending(t => t.Sequence)
                    .Select(t => t.ReasonArgs.Length > 0 ? t.ReasonArgs[0] : "").FirstOrDefault() ?? "",
                Second = c.Timeline.Where(t => t.To == c.State).OrderByDescending(t => t.Sequence)
                    .Select(t => t.ReasonArgs.Length > 1 ? t.ReasonArgs[1] : "").FirstOrDefault() ?? "",
                At = c.Timeline.Where(t => t.To == c.State).OrderByDescending(t => t.Sequence).Select(t => (DateTimeOffset?)t.At).FirstOrDefault(),
                Amount = c.Lines.Sum(l => l.Fee.Amount),
                AssigneeId = a == null ? (Guid?)null : a.AssigneeId,
            };
        var claimRows =
            from r in lasts
            // WorkReason: the message that said no and its code (TA1 note, 999 IK5, STC category:status, the first CARC).
            let source = r.Code == TimelineReasonCodes.Ta1Rejected ? "TA1"
                : r.Code == TimelineReasonCodes.Ack999Rejected ? "999"
                : r.Code == TimelineReasonCodes.ClaimAckRejected ? "277CA"
                : r.Code == TimelineReasonCodes.FhirError ? "FHIR"
                : r.Code == TimelineReasonCodes.ClaimStatus && r.First != "" ? "277"
                : r.State == ClaimState.Denied ? "835" : "other"
            let reasonCode = r.Code == TimelineReasonCodes.Ta1Rejected ? r.Second
                : r.Code == TimelineReasonCodes.Ack999Rejected ? "IK5 " + (r.Second == "" ? "R" : r.Second)
                : r.Code == TimelineReasonCodes.ClaimAckRejected || (r.Code == TimelineReasonCodes.ClaimStatus && r.First != "") ? r.First
                : r.Code == TimelineReasonCodes.FhirError ? "error"
                : r.Code == TimelineReasonCodes.Remittance && r.First != "" ? r.First
                : r.State == ClaimState.Denied ? "denied" : ""
            select new QueueEntry
            {
                Id = r.Id,
                PayerId = r.PayerId,
                Since = r.At ?? now,
                Amount = r.Amount,
                Key = dmsPayers.Contains(r.PayerId)
                    ? (source == "other" || reasonCode == "" ? "ДМС" : "ДМС " + reasonCode)
                    : (reasonCode == "" ? source : source + " " + reasonCode),
                AssigneeId = r.AssigneeId,
            };
        var lineRows =
            from l in lines
            join act in db.DmsActs.AsNoTracking() on l.ActId equals act.Id
            join a in db.WorkAssignments.AsNoTracking().Where(a => a.SubjectType == WorkAssignment.DmsActLine) on l.Id equals a.SubjectId into assigned
            from a in assigned.DefaultIfEmpty()
            select new QueueEntry
            {
                Id = l.Id,
                PayerId = act.PayerId,
                Since = l.WorkedAt ?? act.ImportedAt,
                Amount = l.Refused,
                Key = LinePrefix + (l.ClaimId == null ? "unmatched" : l.Category ?? "other"),
                AssigneeId = a == null ? null : a.AssigneeId,
            };

        var entries = claimRows.Concat(lineRows);
        if (!string.IsNullOrEmpty(filter.PayerId))
        {
            entries = entries.Where(e => e.PayerId == filter.PayerId);
        }

        if (filter.MinAgeDays is { } minAge)
        {
            var bornBefore = now.AddDays(-minAge);
            entries = entries.Where(e => e.Since <= bornBefore);
        }

        if (filter.AssigneeId is { } assignee)
        {
            entries = assignee == Guid.Empty ? entries.Where(e => e.AssigneeId == null) : entries.Where(e => e.AssigneeId == assignee);
        }

        return entries;
    }

    private async Task<IEnumerable<WorkItem>> ClaimItemsAsync(HubDbContext db, List<Guid> ids, Dictionary<Guid, string> userNames, DateTimeOffset now,
        CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await (
            from c in db.Claims.AsNoTracking().IgnoreAutoIncludes().Where(c => ids.Contains(c.Id))
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
                Last = c.Timeline.Where(t => t.To == c.State).OrderByDescending(t => t.Sequence)
                    .Select(t => new { t.Reason, t.ReasonCode, t.ReasonArgs, t.At }).FirstOrDefault(),
                AssigneeId = a == null ? (Guid?)null : a.AssigneeId,
                Appealed = db.ClaimActivities.Any(x => x.ClaimId == c.Id && x.Kind == ClaimActivityKind.Appealed),
            }).ToListAsync(ct);
        return rows.Select(r =>
        {
            var since = r.Last?.At ?? now;
            return new WorkItem(r.Id, r.PatientControlNumber, r.PracticeId, r.PracticeName, r.PayerId, payers.Find(r.PayerId)?.DisplayName ?? r.PayerId,
                r.Name.ToString(), r.State, r.Amount, r.Currency, WorkReason.Of(r.State, r.Last?.Reason), r.Last?.Reason ?? "", since,
                Math.Max(0, (int)(now - since).TotalDays), r.AssigneeId, r.AssigneeId is { } id ? userNames.GetValueOrDefault(id) : null, r.Appealed)
            {
                ReasonCode = r.Last?.ReasonCode,
                ReasonArgs = r.Last?.ReasonArgs ?? [],
            };
        });
    }

    // Refused or unmatched lines of ДМС acts that wait for the clinic (open) or that it contests with the insurer (disputed).
    private async Task<IEnumerable<WorkItem>> ActLineItemsAsync(HubDbContext db, List<Guid> ids, Dictionary<Guid, string> userNames,
        DateTimeOffset now, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await (
            from l in db.DmsActLines.AsNoTracking().Where(l => ids.Contains(l.Id))
            join act in db.DmsActs.AsNoTracking() on l.ActId equals act.Id
            join p in db.Practices.AsNoTracking() on l.PracticeId equals p.Id
            join c in db.Claims.AsNoTracking().IgnoreAutoIncludes() on l.ClaimId equals c.Id into claims
            from c in claims.DefaultIfEmpty()
            join patient in db.Patients.AsNoTracking() on c.PatientId equals patient.Id into patients
            from patient in patients.DefaultIfEmpty()
            join a in db.WorkAssignments.AsNoTracking().Where(a => a.SubjectType == WorkAssignment.DmsActLine) on l.Id equals a.SubjectId into assigned
            from a in assigned.DefaultIfEmpty()
            select new
            {
                l.Id, l.ClaimId, l.ClaimNumber, l.PracticeId, PracticeName = p.Name, act.PayerId, PatientName = patient == null ? null : patient.Name,
                State = c == null ? (ClaimState?)null : c.State, l.Refused, l.Category, l.ReasonText, l.MatchProblem, l.MatchFailure, l.ServiceCode, l.Tooth,
                act.ImportedAt, l.WorkedAt,
                l.WorkStatus, AssigneeId = a == null ? (Guid?)null : a.AssigneeId,
            }).ToListAsync(ct);
        return rows.Select(r =>
        {
            var since = r.WorkedAt ?? r.ImportedAt;
            var code = r.ClaimId is null ? "unmatched" : r.Category ?? "other";
            var payerName = payers.Find(r.PayerId)?.DisplayName ?? r.PayerId;
            // The insurer's own words when it gave any; else why nothing of ours matched, coded to be worded per culture.
            var unmatched = r.ReasonText is null && r.MatchFailure is not null;
            return new WorkItem(r.ClaimId ?? Guid.Empty, r.ClaimNumber, r.PracticeId, r.PracticeName, r.PayerId, payerName,
                r.PatientName?.ToString() ?? "—", r.State ?? ClaimState.Denied, r.Refused, "RUB", new WorkReason("ДМС акт", code),
                r.ReasonText ?? r.MatchProblem ?? "", since, Math.Max(0, (int)(now - since).TotalDays), r.AssigneeId,
                r.AssigneeId is { } id ? userNames.GetValueOrDefault(id) : null, r.WorkStatus == DmsActWorkStatus.Disputed, r.Id, r.WorkStatus)
            {
                ReasonCode = unmatched ? r.MatchFailure : null,
                ReasonArgs = unmatched ? [r.ClaimNumber, payerName, r.ServiceCode, r.Tooth ?? ""] : [],
            };
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
