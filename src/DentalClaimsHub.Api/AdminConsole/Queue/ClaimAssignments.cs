using DentalClaimsHub.Api.AdminConsole.Identity;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.AdminConsole;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.AdminConsole.Queue;

/// <summary>Assigns queue items to console users; every assignment is audited.</summary>
public sealed class ClaimAssignments(IDbContextFactory<HubDbContext> contexts, ConsoleSession session, TimeProvider time)
{
    public async Task AssignAsync(Guid claimId, Guid assigneeId, CancellationToken ct)
    {
        var by = await session.UserIdAsync();
        await using var db = contexts.CreateHubWideContext();
        var claim = await db.Claims.AsNoTracking().IgnoreAutoIncludes().Where(c => c.Id == claimId).Select(c => new { c.PracticeId }).SingleOrDefaultAsync(ct)
            ?? throw new InvalidOperationException("No such claim.");
        if (!await db.Users.AnyAsync(u => u.Id == assigneeId, ct))
        {
            throw new InvalidOperationException("No such console user.");
        }

        var now = time.GetUtcNow();
        var existing = await db.WorkAssignments.SingleOrDefaultAsync(a => a.SubjectType == WorkAssignment.Claim && a.SubjectId == claimId, ct);
        if (existing is null)
        {
            db.WorkAssignments.Add(WorkAssignment.Create(WorkAssignment.Claim, claimId, assigneeId, by, now));
        }
        else
        {
            existing.Reassign(assigneeId, by, now);
        }

        ConsoleAudit.RecordAction(db, by, now, "claim.assigned", "claim", claimId, claim.PracticeId, new { assignee = assigneeId });
        await db.SaveChangesAsync(ct);
    }
}
