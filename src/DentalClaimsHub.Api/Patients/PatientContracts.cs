namespace DentalClaimsHub.Api.Patients;

/// <summary>A person's name. For Russian patients: last = фамилия, first = имя, middle = отчество.</summary>
public sealed record PersonNameDto
{
    /// <example>Rivera</example>
    public string? Last { get; init; }

    /// <example>Ana</example>
    public string? First { get; init; }

    /// <example>Lucia</example>
    public string? Middle { get; init; }

    public string? Suffix { get; init; }
}

public sealed record AddressDto
{
    /// <example>1200 Harbor Way</example>
    public string? Line1 { get; init; }

    public string? Line2 { get; init; }

    /// <example>Portland</example>
    public string? City { get; init; }

    /// <summary>State (US) or region (RU).</summary>
    /// <example>OR</example>
    public string? Region { get; init; }

    /// <example>97201</example>
    public string? PostalCode { get; init; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    /// <example>US</example>
    public string? CountryCode { get; init; }
}

/// <summary>Creates or replaces a patient of the caller's practice.</summary>
public sealed record PatientRequest
{
    public PersonNameDto? Name { get; init; }

    /// <example>1986-04-12</example>
    public DateOnly? BirthDate { get; init; }

    /// <summary>female, male or unknown.</summary>
    /// <example>female</example>
    public string? Sex { get; init; }

    public AddressDto? Address { get; init; }

    /// <example>+1-503-555-0142</example>
    public string? Phone { get; init; }

    public string? Email { get; init; }

    /// <summary>The practice management system's own id for this patient.</summary>
    /// <example>PMS-10442</example>
    public string? ExternalId { get; init; }
}

public sealed record PatientResponse(
    Guid Id,
    PersonNameDto Name,
    DateOnly BirthDate,
    string Sex,
    AddressDto? Address,
    string? Phone,
    string? Email,
    string? ExternalId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A page of results; pass <c>nextCursor</c> as <c>cursor</c> for the next page (null on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
