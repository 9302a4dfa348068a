namespace DentalClaimsHub.Adapters.Dms.Registries;

/// <summary>
/// A clinic's monthly registry of services (счёт-реестр) to one ДМС insurer, in canonical form: who bills whom for which
/// period, its number and version, and one line per billable service. Rendered per insurer by
/// <see cref="DmsRegistryRenderer"/>; the money is in <see cref="DmsRegistryLine.Amounts"/> and <see cref="Totals"/>.
/// </summary>
public sealed record DmsRegistry
{
    public required string InsurerName { get; init; }

    public required string ClinicName { get; init; }

    public required string ClinicInn { get; init; }

    /// <summary>First day of the period (a calendar month).</summary>
    public required DateOnly PeriodFrom { get; init; }

    /// <summary>Last day of the period.</summary>
    public required DateOnly PeriodTo { get; init; }

    /// <summary>The registry's number; the same for every version of one period.</summary>
    public required string Number { get; init; }

    /// <summary>1 for the first registry of the period, n + 1 for each regeneration that changed it.</summary>
    public required int Version { get; init; }

    /// <summary>The registry's date (the only date in the file that is not a fact of a service).</summary>
    public required DateOnly Date { get; init; }

    /// <summary>The lines, in the order the file lists them.</summary>
    public required IReadOnlyList<DmsRegistryLine> Lines { get; init; }

    /// <summary>Σ of every line's amounts.</summary>
    public DmsRegistryAmounts Totals => Lines.Aggregate(default(DmsRegistryAmounts), (sum, line) => sum + line.Amounts);

    /// <summary>Σ quantities.</summary>
    public int Quantity => Lines.Sum(line => line.Quantity);
}

/// <summary>One service of a registry. Holds personal data (ФИО, policy): never log it.</summary>
public sealed record DmsRegistryLine
{
    /// <summary>The claim this service was billed on.</summary>
    public required Guid ClaimId { get; init; }

    /// <summary>Our claim number (CLM01 / patient control number).</summary>
    public required string ClaimNumber { get; init; }

    /// <summary>The line's position on the claim.</summary>
    public required int ClaimLine { get; init; }

    public required string LastName { get; init; }

    public required string FirstName { get; init; }

    public string? MiddleName { get; init; }

    public required string Policy { get; init; }

    /// <summary>The patient's birth date; only a guarantee-letter request shows it.</summary>
    public DateOnly? BirthDate { get; init; }

    /// <summary>Tooth surfaces (M, O, D, B, L…), when the service is on surfaces; only a guarantee-letter request shows them.</summary>
    public string? Surfaces { get; init; }

    /// <summary>Гарантийное письмо (guarantee letter) number, when the service needed one.</summary>
    public string? GuaranteeNumber { get; init; }

    public DateOnly? GuaranteeDate { get; init; }

    public required DateOnly ServiceDate { get; init; }

    /// <summary>804н code.</summary>
    public required string ServiceCode { get; init; }

    /// <summary>804н name of the service.</summary>
    public required string ServiceName { get; init; }

    /// <summary>МКБ-10 with its subdivision (K02.1).</summary>
    public required string Diagnosis { get; init; }

    /// <summary>FDI tooth number, when the service is on a tooth.</summary>
    public string? Tooth { get; init; }

    public required int Quantity { get; init; }

    /// <summary>Price of one unit before the discount.</summary>
    public required decimal Price { get; init; }

    public required decimal DiscountPercent { get; init; }

    public required decimal FranchisePercent { get; init; }

    /// <summary>The doctor who rendered the service ("Фамилия Имя Отчество").</summary>
    public string? Doctor { get; init; }

    public string FullName => MiddleName is null ? $"{LastName} {FirstName}" : $"{LastName} {FirstName} {MiddleName}";

    public DmsRegistryAmounts Amounts => DmsRegistryAmounts.Of(Price, Quantity, DiscountPercent, FranchisePercent);
}
