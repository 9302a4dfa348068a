namespace DentalClaimsHub.Storage.AdminConsole;

/// <summary>
/// Who in the console works an item of the queue (a rejected or denied claim, a refused ДМС line): one assignee per item,
/// replaced when someone takes it over. Hub-wide, like the console users themselves.
/// </summary>
public sealed class WorkAssignment
{
    private WorkAssignment()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>What kind of item: <see cref="Claim"/> or <see cref="DmsActLine"/>.</summary>
    public string SubjectType { get; private set; } = "";

    public Guid SubjectId { get; private set; }

    public Guid AssigneeId { get; private set; }

    public Guid AssignedBy { get; private set; }

    public DateTimeOffset AssignedAt { get; private set; }

    public const string Claim = "claim";

    /// <summary>A refused or unmatched line of a ДМС insurer's act.</summary>
    public const string DmsActLine = "dms-act-line";

    public static WorkAssignment Create(string subjectType, Guid subjectId, Guid assignee, Guid by, DateTimeOffset at) =>
        new() { Id = Guid.CreateVersion7(), SubjectType = subjectType, SubjectId = subjectId, AssigneeId = assignee, AssignedBy = by, AssignedAt = at };

    public void Reassign(Guid assignee, Guid by, DateTimeOffset at)
    {
        AssigneeId = assignee;
        AssignedBy = by;
        AssignedAt = at;
    }
}
