using System.Security.Claims;
using DentalClaimsHub.Api.Auth;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Audit;

namespace DentalClaimsHub.Api.Auditing;

/// <summary>
/// Records who read or changed protected data. Rows are added to the request's DbContext, so they commit with the
/// change they describe (reads are saved by <see cref="RecordReadAsync"/>).
/// </summary>
public sealed class AuditTrail(HubDbContext db, TimeProvider time)
{
    public const string PhiRead = "phi.read";

    /// <summary>Adds an audit event to the unit of work; <paramref name="details"/> is a JSON document (stored as jsonb).</summary>
    public void Record(ClaimsPrincipal user, string action, string entityType, Guid entityId, string? details = null) =>
        db.AuditEvents.Add(Event(user, action, entityType, entityId, details));

    /// <summary>An audit event for a write that another unit of work will make (it adds the event itself).</summary>
    public AuditEvent Event(ClaimsPrincipal user, string action, string entityType, Guid entityId, string? details = null) =>
        AuditEvent.Create(time.GetUtcNow(), "api-key", user.GetKeyId(), user.GetPracticeId(), action, entityType, entityId.ToString(), details);

    /// <summary>Audits a read of protected health information and saves at once.</summary>
    public async Task RecordReadAsync(ClaimsPrincipal user, string entityType, IEnumerable<Guid> entityIds, CancellationToken cancellationToken)
    {
        foreach (var id in entityIds)
        {
            Record(user, PhiRead, entityType, id);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
