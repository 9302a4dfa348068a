using DentalClaimsHub.Api.Patients;

namespace DentalClaimsHub.Api.Coverages;

public sealed record MoneyDto
{
    /// <example>1500.00</example>
    public decimal? Amount { get; init; }

    /// <summary>ISO 4217.</summary>
    /// <example>USD</example>
    public string? Currency { get; init; }

    /// <summary>The API's form of a domain amount.</summary>
    public static MoneyDto Of(Domain.Values.Money money) => new() { Amount = money.Amount, Currency = money.Currency };
}

/// <summary>The insured person when the patient is not the subscriber.</summary>
public sealed record SubscriberDto
{
    public PersonNameDto? Name { get; init; }

    /// <example>1984-09-30</example>
    public DateOnly? BirthDate { get; init; }

    /// <example>male</example>
    public string? Sex { get; init; }

    /// <example>W123456789</example>
    public string? MemberId { get; init; }
}

/// <summary>Terms of a Russian voluntary-insurance (ДМС) policy.</summary>
public sealed record DmsTermsDto
{
    /// <example>STOM-2</example>
    public string? ProgramCode { get; init; }

    /// <example>Стоматология полная</example>
    public string? ProgramName { get; init; }

    /// <summary>The patient's share (франшиза), 0–100.</summary>
    /// <example>10</example>
    public decimal? FranchisePercent { get; init; }

    public MoneyDto? Limit { get; init; }

    /// <example>ДМС-2026/0147</example>
    public string? ContractNumber { get; init; }

    /// <example>ООО «Ромашка»</example>
    public string? Policyholder { get; init; }

    public IReadOnlyList<string>? Exclusions { get; init; }
}

/// <summary>Creates or replaces one of a patient's insurance coverages.</summary>
public sealed record CoverageRequest
{
    /// <summary>A payer profile id (see mappings/payers).</summary>
    /// <example>demo-x12-dental</example>
    public string? PayerId { get; init; }

    /// <example>W987654321</example>
    public string? MemberId { get; init; }

    /// <example>GRP-44100</example>
    public string? GroupNumber { get; init; }

    public string? GroupName { get; init; }

    public string? PlanName { get; init; }

    /// <summary>primary, secondary or tertiary.</summary>
    /// <example>primary</example>
    public string? Order { get; init; }

    /// <summary>The patient's relationship to the subscriber: self, spouse, child or other.</summary>
    /// <example>self</example>
    public string? Relationship { get; init; }

    /// <summary>Required unless the relationship is self.</summary>
    public SubscriberDto? Subscriber { get; init; }

    /// <example>2026-01-01</example>
    public DateOnly? ValidFrom { get; init; }

    /// <example>2026-12-31</example>
    public DateOnly? ValidTo { get; init; }

    public DmsTermsDto? Dms { get; init; }
}

public sealed record CoverageResponse(
    Guid Id,
    Guid PatientId,
    string PayerId,
    string MemberId,
    string? GroupNumber,
    string? GroupName,
    string? PlanName,
    string Order,
    string Relationship,
    SubscriberDto? Subscriber,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    DmsTermsDto? Dms,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
