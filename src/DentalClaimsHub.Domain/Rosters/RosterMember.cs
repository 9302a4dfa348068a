using DentalClaimsHub.Domain.Patients;

namespace DentalClaimsHub.Domain.Rosters;

/// <summary>
/// One insured person on a ДМС roster: policy, ФИО, birth date, programme, service period, clinic and the franchise
/// and exclusions written against them.
/// </summary>
public sealed record RosterMember
{
    /// <param name="birthDate">Null only where the insurer leaves it out (detachments often name policy and ФИО alone).</param>
    public RosterMember(string policyNumber, PersonName name, DateOnly? birthDate)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (birthDate < new DateOnly(1900, 1, 1))
        {
            throw new DomainException($"A birth date {birthDate:yyyy-MM-dd} is before 1900.", nameof(birthDate));
        }

        PolicyNumber = Guard.Required(policyNumber, nameof(PolicyNumber), 60);
        Name = name;
        BirthDate = birthDate;
    }

    public string PolicyNumber { get; }

    /// <summary>The policy number as a match key: no spaces or dashes, upper case.</summary>
    public string PolicyKey => Guard.StripSeparators(PolicyNumber).ToUpperInvariant();

    public PersonName Name { get; }

    public DateOnly? BirthDate { get; }

    public Sex Sex { get; init; } = Sex.Unknown;

    public string? ProgramCode { get; init; }

    public string? ProgramName { get; init; }

    /// <summary>Дата прикрепления — first day of service.</summary>
    public DateOnly? AttachedFrom
    {
        get => _attachedFrom;
        init
        {
            CheckPeriod(value, _detachedFrom);
            _attachedFrom = value;
        }
    }

    /// <summary>Дата открепления — first day the person is no longer served.</summary>
    public DateOnly? DetachedFrom
    {
        get => _detachedFrom;
        init
        {
            CheckPeriod(_attachedFrom, value);
            _detachedFrom = value;
        }
    }

    /// <summary>Clinic or branch the person is attached to, as the insurer names it.</summary>
    public string? Clinic { get; init; }

    /// <summary>Франшиза, 0–100 percent.</summary>
    public decimal? FranchisePercent
    {
        get => _franchisePercent;
        init => _franchisePercent = value is null or (>= 0m and <= 100m)
            ? value
            : throw new DomainException($"Franchise must be 0–100 percent, got {value}.", nameof(FranchisePercent));
    }

    /// <summary>Лимит (страховая сумма) по программе, in roubles; null when the roster does not say.</summary>
    public decimal? Limit
    {
        get => _limit;
        init => _limit = value is null or >= 0m ? value : throw new DomainException($"Limit must not be negative, got {value}.", nameof(Limit));
    }

    public IReadOnlyList<string> Exclusions { get; init; } = [];

    /// <summary>Страхователь / место работы.</summary>
    public string? Policyholder { get; init; }

    public string? Phone { get; init; }

    public string? Address { get; init; }

    /// <summary>
    /// Key for deduplication across and within files: ФИО upper-cased with Ё→Е, policy without spaces, and the dates —
    /// the same person attached twice with the same dates is one entry.
    /// </summary>
    public string DedupKey =>
        string.Join('|', Name.NormalisedKey, Guard.StripSeparators(PolicyNumber).ToUpperInvariant(),
            AttachedFrom?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
            DetachedFrom?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);

    /// <summary>True when the person may be served on <paramref name="date"/>: attached on or before it, not yet detached.</summary>
    public bool IsActiveOn(DateOnly date) =>
        (AttachedFrom is not { } from || date >= from) && (DetachedFrom is not { } to || date < to);

    // Initialisers may set the two dates in either order, so both setters check the pair.
    private static void CheckPeriod(DateOnly? attached, DateOnly? detached)
    {
        if (attached is { } a && detached is { } d && d < a)
        {
            throw new DomainException($"Detach date {d:yyyy-MM-dd} is before attach date {a:yyyy-MM-dd}.", nameof(DetachedFrom));
        }
    }

    private readonly DateOnly? _attachedFrom;
    private readonly DateOnly? _detachedFrom;
    private readonly decimal? _franchisePercent;
    private readonly decimal? _limit;
}
