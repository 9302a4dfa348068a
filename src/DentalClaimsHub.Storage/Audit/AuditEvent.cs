namespace DentalClaimsHub.Storage.Audit;

/// <summary>
/// One audited action: who (actor kind + id, never a name), what (action + entity), for which practice, when.
/// Details hold ids and codes only — no PHI.
/// </summary>
public sealed class AuditEvent
{
    private AuditEvent()
    {
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>api-key, console-user, system.</summary>
    public string ActorKind { get; private set; } = "";

    public string ActorId { get; private set; } = "";

    public Guid? PracticeId { get; private set; }

    /// <summary>e.g. <c>phi.read</c>, <c>patient.created</c>, <c>coverage.deleted</c>.</summary>
    public string Action { get; private set; } = "";

    public string EntityType { get; private set; } = "";

    public string EntityId { get; private set; } = "";

    public string? Details { get; private set; }

    public static AuditEvent Create(DateTimeOffset at, string actorKind, string actorId, Guid? practiceId, string action,
        string entityType, string entityId, string? details = null) =>
        new()
        {
            At = at,
            ActorKind = actorKind,
            ActorId = actorId,
            PracticeId = practiceId,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Details = details,
        };
}
