using System.Text.Json;
using DentalClaimsHub.Api.AdminConsole.Identity;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Audit;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.AdminConsole;

/// <summary>
/// The console's audit trail: every page that shows protected health information records who saw which records, and
/// every action records who did what. Rows name the user by id and the records by id — never a name.
/// </summary>
public sealed class ConsoleAudit(IDbContextFactory<HubDbContext> contexts, ConsoleSession session, TimeProvider time)
{
    public const string ActorKind = "console-user";

    /// <summary>Records that the signed-in user was shown PHI of <paramref name="entityIds"/> on <paramref name="view"/>.</summary>
    public async Task RecordViewAsync(string view, string entityType, IReadOnlyCollection<Guid> entityIds, Guid? practiceId, CancellationToken ct)
    {
        if (entityIds.Count == 0)
        {
            return;
        }

        var user = await session.UserIdAsync();
        await using var db = contexts.CreateHubWideContext();
        // One row per view: a list page of 200 claims is one event whose details hold the 200 ids.
        var entityId = entityIds.Count == 1 ? entityIds.First().ToString() : "*";
        db.AuditEvents.Add(AuditEvent.Create(time.GetUtcNow(), ActorKind, user.ToString(), practiceId, "phi.read", entityType, entityId,
            JsonSerializer.Serialize(new { view, ids = entityIds })));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds an action's audit row to <paramref name="db"/>; it commits with the change it describes.</summary>
    public static void RecordAction(HubDbContext db, Guid user, DateTimeOffset at, string action, string entityType, Guid entityId, Guid? practiceId,
        object? details = null) =>
        db.AuditEvents.Add(AuditEvent.Create(at, ActorKind, user.ToString(), practiceId, action, entityType, entityId.ToString(),
            details is null ? null : JsonSerializer.Serialize(details)));
}
