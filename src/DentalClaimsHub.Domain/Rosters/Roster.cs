namespace DentalClaimsHub.Domain.Rosters;

/// <summary>
/// A ДМС insured roster as received from an insurer: header facts (document number and date, contract, policyholder,
/// period) and the people it attaches, detaches or lists. Duplicate people are dropped on the way in.
/// </summary>
public sealed class Roster
{
    private readonly List<RosterMember> _members = [];

    private Roster()
    {
        PayerId = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The clinic the roster was sent to.</summary>
    public Guid PracticeId { get; private set; }

    /// <summary>The insurer's payer profile id.</summary>
    public string PayerId { get; private set; }

    public string? InsurerName { get; private set; }

    public RosterKind Kind { get; private set; }

    /// <summary>Исходящий номер of the insurer's letter.</summary>
    public string? DocumentNumber { get; private set; }

    public DateOnly? DocumentDate { get; private set; }

    public string? ContractNumber { get; private set; }

    public string? Policyholder { get; private set; }

    public DateOnly? PeriodFrom { get; private set; }

    public DateOnly? PeriodTo { get; private set; }

    public IReadOnlyList<RosterMember> Members => _members;

    /// <summary>How many rows were dropped as duplicates of earlier ones.</summary>
    public int DuplicatesSkipped { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public Guid? RawMessageId { get; private set; }

    public static Roster Create(
        Guid practiceId,
        string payerId,
        RosterKind kind,
        DateTimeOffset now,
        string? insurerName = null,
        string? documentNumber = null,
        DateOnly? documentDate = null,
        string? contractNumber = null,
        string? policyholder = null,
        DateOnly? periodFrom = null,
        DateOnly? periodTo = null,
        Guid? rawMessageId = null,
        Guid? id = null)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException($"Roster kind '{kind}' is not a known value.", nameof(kind));
        }

        if (periodFrom is { } from && periodTo is { } to && to < from)
        {
            throw new DomainException($"Roster period ends {to:yyyy-MM-dd} before it starts {from:yyyy-MM-dd}.", nameof(periodTo));
        }

        return new Roster
        {
            Id = id ?? Guid.NewGuid(),
            PracticeId = Guard.NotEmpty(practiceId, nameof(PracticeId)),
            PayerId = Guard.Required(payerId, nameof(PayerId), 80),
            Kind = kind,
            InsurerName = Guard.Optional(insurerName, nameof(InsurerName), 300),
            DocumentNumber = Guard.Optional(documentNumber, nameof(DocumentNumber), 80),
            DocumentDate = documentDate,
            ContractNumber = Guard.Optional(contractNumber, nameof(ContractNumber), 80),
            Policyholder = Guard.Optional(policyholder, nameof(Policyholder), 300),
            PeriodFrom = periodFrom,
            PeriodTo = periodTo,
            ReceivedAt = Guard.Utc(now),
            RawMessageId = rawMessageId,
        };
    }

    /// <summary>Adds a person; returns false (and counts it) when an equal <see cref="RosterMember.DedupKey"/> is already present.</summary>
    public bool AddMember(RosterMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (_members.Any(m => m.DedupKey == member.DedupKey))
        {
            DuplicatesSkipped++;
            return false;
        }

        _members.Add(member);
        return true;
    }

    /// <summary>The people with this policy number (spaces and case ignored).</summary>
    public IEnumerable<RosterMember> FindByPolicy(string policyNumber)
    {
        var key = Guard.StripSeparators(policyNumber).ToUpperInvariant();
        return _members.Where(m => Guard.StripSeparators(m.PolicyNumber).ToUpperInvariant() == key);
    }
}
