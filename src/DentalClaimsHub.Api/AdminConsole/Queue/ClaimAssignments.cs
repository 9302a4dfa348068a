using DentalClaimsHub.Api.AdminConsole.Identity;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.AdminConsole;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.AdminConsole.Queue;

/// <summary>Assigns queue items to console users; every assignment is audited.</summary>
public sealed class ClaimAssignments(IDbContextFactory<HubDbContext> contexts, ConsoleSession session, TimeProvider time)
{
    public Task AssignAsync(Guid claimId, Guid assigneeId, CancellationToken ct) => AssignAsync(WorkAssignment.Claim, claimId, assigneeId, ct);

    /// <summary>Assigns a queue item — a claim or a ДМС act line — to a console user.</summary>
    public async Task AssignAsync(string subjectType, Guid subjectId, Guid assigneeId, CancellationToken ct)
    {
        var by = await session.UserIdAsync();
        await using var db = contexts.CreateHubWideContext();
        var practiceId = subjectType == WorkAssignment.DmsActLine
            ? await db.DmsActLines.AsNoTracking().Where(l => l.Id == subjectId).Select(l => (Guid?)l.PracticeId).SingleOrDefaultAsync(ct)
            : await db.Claims.AsNoTracking().IgnoreAutoIncludes().Where(c => c.Id == subjectId).Select(c => (Guid?)c.PracticeId).SingleOrDefaultAsync(ct);
        var claim = new { PracticeId = practiceId ?? throw new InvalidOperationException("No such item.") };
        var claimId = subjectId;
        if (!await db.Users.AnyAsync(u => u.Id == assigneeId, ct))
        {
            throw new InvalidOperationException("No such console user.");
        }

        var now = time.GetUtcNow();
        var existing = await db.WorkAssignments.SingleOrDefaultAsync(a => a.SubjectType == subjectType && a.SubjectId == claimId, ct);
        if (existing is null)
        {
            db.WorkAssignments.Add(WorkAssignment.Create(subjectType, claimId, assigneeId, by, now));
        }
        else
        {
            existing.Reassign(assigneeId, by, now);
        }

        ConsoleAudit.RecordAction(db, by, now, subjectType + ".assigned", subjectType, claimId, claim.PracticeId, new { assignee = assigneeId });
        await db.SaveChangesAsync(ct);
    }
}
