namespace DentalClaimsHub.Storage.Rosters;

/// <summary>
/// One period in which an insurer allows a clinic to serve one insured person: attached from (inclusive) to detached from
/// (exclusive, null while open), with the policy terms of that period. A person is the insurer's policy number together
/// with the normalised ФИО (upper case, Ё→Е). Written only by roster imports (set-based SQL in the roster applier); read by
/// ДМС eligibility.
/// </summary>
public sealed class DmsMembership
{
    public Guid Id { get; set; }

    public Guid PracticeId { get; set; }

    public string PayerId { get; set; } = "";

    /// <summary>The policy number without spaces or dashes, upper case: the match key.</summary>
    public string PolicyKey { get; set; } = "";

    public string PolicyNumber { get; set; } = "";

    /// <summary><c>PersonName.NormalisedKey</c> of the insured person.</summary>
    public string NameKey { get; set; } = "";

    public string LastName { get; set; } = "";

    public string FirstName { get; set; } = "";

    public string? MiddleName { get; set; }

    public DateOnly? BirthDate { get; set; }

    public string? Sex { get; set; }

    public string? ProgramCode { get; set; }

    public string? ProgramName { get; set; }

    public decimal? FranchisePercent { get; set; }

    /// <summary>The programme's sum limit in roubles (лимит по программе), when the roster states it.</summary>
    public decimal? LimitAmount { get; set; }

    public string[] Exclusions { get; set; } = [];

    public string? ContractNumber { get; set; }

    public string? Policyholder { get; set; }

    public string? Clinic { get; set; }

    public string? Phone { get; set; }

    public string? Address { get; set; }

    public DateOnly? AttachedFrom { get; set; }

    public DateOnly? DetachedFrom { get; set; }

    /// <summary>The import that last wrote this period.</summary>
    public Guid ImportId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>True when the person may be served on <paramref name="date"/>.</summary>
    public bool IsActiveOn(DateOnly date) => (AttachedFrom is not { } from || date >= from) && (DetachedFrom is not { } to || date < to);
}
