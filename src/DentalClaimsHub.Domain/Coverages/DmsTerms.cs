using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Coverages;

/// <summary>
/// Terms of a Russian voluntary health insurance (ДМС) policy: the programme, the franchise (the patient's share in
/// percent), the sum limit, the contract and policyholder (employer), and excluded services in free text.
/// </summary>
public sealed record DmsTerms
{
    public DmsTerms(
        string programCode,
        string programName,
        decimal? franchisePercent = null,
        Money? limit = null,
        string? contractNumber = null,
        string? policyholder = null,
        IReadOnlyList<string>? exclusions = null)
    {
        if (franchisePercent is < 0m or > 100m)
        {
            throw new DomainException($"Franchise must be between 0 and 100 percent, got {franchisePercent}.", nameof(franchisePercent));
        }

        if (limit is { IsNegative: true })
        {
            throw new DomainException($"Limit must not be negative, got {limit}.", nameof(limit));
        }

        ProgramCode = Guard.Required(programCode, nameof(ProgramCode), 60);
        ProgramName = Guard.Required(programName, nameof(ProgramName), 300);
        FranchisePercent = franchisePercent;
        Limit = limit;
        ContractNumber = Guard.Optional(contractNumber, nameof(ContractNumber), 80);
        Policyholder = Guard.Optional(policyholder, nameof(Policyholder), 300);
        Exclusions = (exclusions ?? [])
            .Where(e => !string.IsNullOrWhiteSpace(e))
            .Select(e => e.Trim())
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    public string ProgramCode { get; }

    public string ProgramName { get; }

    /// <summary>Patient's share of every service, 0–100.</summary>
    public decimal? FranchisePercent { get; }

    public Money? Limit { get; }

    public string? ContractNumber { get; }

    /// <summary>Страхователь — usually the employer that bought the policy.</summary>
    public string? Policyholder { get; }

    /// <summary>Excluded services as written by the insurer ("без стоматологического обслуживания").</summary>
    public IReadOnlyList<string> Exclusions { get; }

    /// <summary>Equal when all terms match, exclusions compared in order.</summary>
    public bool Equals(DmsTerms? other) =>
        other is not null
        && ProgramCode == other.ProgramCode
        && ProgramName == other.ProgramName
        && FranchisePercent == other.FranchisePercent
        && Limit == other.Limit
        && ContractNumber == other.ContractNumber
        && Policyholder == other.Policyholder
        && Exclusions.SequenceEqual(other.Exclusions);

    public override int GetHashCode() => HashCode.Combine(ProgramCode, ProgramName, FranchisePercent, Limit, ContractNumber, Exclusions.Count);
}
