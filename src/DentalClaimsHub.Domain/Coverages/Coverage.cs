namespace DentalClaimsHub.Domain.Coverages;

/// <summary>
/// A patient's dental coverage with one payer: member and group ids, order of benefits, relationship to the
/// subscriber, validity period and, for ДМС policies, the programme terms.
/// </summary>
public sealed class Coverage
{
    private Coverage()
    {
        PayerId = string.Empty;
        MemberId = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid PracticeId { get; private set; }

    public Guid PatientId { get; private set; }

    /// <summary>The payer profile id ("demo-x12-dental") that selects protocol and mapping.</summary>
    public string PayerId { get; private set; }

    /// <summary>The patient's member id, or the ДМС policy number.</summary>
    public string MemberId { get; private set; }

    public string? GroupNumber { get; private set; }

    public string? GroupName { get; private set; }

    public string? PlanName { get; private set; }

    public CoverageOrder Order { get; private set; }

    public SubscriberRelationship Relationship { get; private set; }

    /// <summary>The policy holder; present exactly when <see cref="Relationship"/> is not Self.</summary>
    public Subscriber? Subscriber { get; private set; }

    public DateOnly? ValidFrom { get; private set; }

    public DateOnly? ValidTo { get; private set; }

    /// <summary>ДМС programme terms; null for US plans.</summary>
    public DmsTerms? Dms { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Creates a coverage. A subscriber is required unless the patient is the subscriber.</summary>
    public static Coverage Create(
        Guid practiceId,
        Guid patientId,
        string payerId,
        string memberId,
        CoverageOrder order,
        SubscriberRelationship relationship,
        DateTimeOffset now,
        Subscriber? subscriber = null,
        string? groupNumber = null,
        string? groupName = null,
        string? planName = null,
        DateOnly? validFrom = null,
        DateOnly? validTo = null,
        DmsTerms? dms = null,
        Guid? id = null)
    {
        var coverage = new Coverage
        {
            Id = id ?? Guid.NewGuid(),
            PracticeId = Guard.NotEmpty(practiceId, nameof(PracticeId)),
            PatientId = Guard.NotEmpty(patientId, nameof(PatientId)),
            CreatedAt = Guard.Utc(now),
        };
        coverage.Update(payerId, memberId, order, relationship, now, subscriber, groupNumber, groupName, planName, validFrom, validTo, dms);
        return coverage;
    }

    /// <summary>Replaces the plan data and stamps <see cref="UpdatedAt"/>.</summary>
    public void Update(
        string payerId,
        string memberId,
        CoverageOrder order,
        SubscriberRelationship relationship,
        DateTimeOffset now,
        Subscriber? subscriber = null,
        string? groupNumber = null,
        string? groupName = null,
        string? planName = null,
        DateOnly? validFrom = null,
        DateOnly? validTo = null,
        DmsTerms? dms = null)
    {
        if (!Enum.IsDefined(order))
        {
            throw new DomainException($"Coverage order '{order}' is not a known value.", nameof(Order));
        }

        if (!Enum.IsDefined(relationship))
        {
            throw new DomainException($"Relationship '{relationship}' is not a known value.", nameof(Relationship));
        }

        if (relationship != SubscriberRelationship.Self && subscriber is null)
        {
            throw new DomainException($"A subscriber is required when the patient's relationship is {relationship}.", nameof(Subscriber));
        }

        if (validFrom is { } from && validTo is { } to && to < from)
        {
            throw new DomainException($"ValidTo {to:yyyy-MM-dd} is before ValidFrom {from:yyyy-MM-dd}.", nameof(ValidTo));
        }

        PayerId = Guard.Required(payerId, nameof(PayerId), 80);
        MemberId = Guard.Required(memberId, nameof(MemberId), 80);
        Order = order;
        Relationship = relationship;
        // When the patient is the subscriber, the patient's own demographics are the subscriber's.
        Subscriber = relationship == SubscriberRelationship.Self ? null : subscriber;
        GroupNumber = Guard.Optional(groupNumber, nameof(GroupNumber), 80);
        GroupName = Guard.Optional(groupName, nameof(GroupName), 120);
        PlanName = Guard.Optional(planName, nameof(PlanName), 120);
        ValidFrom = validFrom;
        ValidTo = validTo;
        Dms = dms;
        UpdatedAt = Guard.Utc(now);
    }

    /// <summary>True when <paramref name="date"/> lies within the validity period (open ends count as unbounded).</summary>
    public bool IsActiveOn(DateOnly date) =>
        (ValidFrom is not { } from || date >= from) && (ValidTo is not { } to || date <= to);
}
