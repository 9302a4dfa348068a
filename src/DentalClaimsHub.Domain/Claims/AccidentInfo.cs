namespace DentalClaimsHub.Domain.Claims;

/// <summary>Why treatment follows an accident (X12 CLM11 related-causes codes).</summary>
public enum AccidentCause
{
    /// <summary>AA — auto accident.</summary>
    AutoAccident = 1,

    /// <summary>EM — employment.</summary>
    Employment = 2,

    /// <summary>OA — other accident.</summary>
    OtherAccident = 3,
}

/// <summary>Accident data of a claim (CLM11, DTP*439).</summary>
public sealed record AccidentInfo
{
    public AccidentInfo(AccidentCause cause, DateOnly date, string? stateCode = null, string? countryCode = null)
    {
        if (!Enum.IsDefined(cause))
        {
            throw new DomainException($"Accident cause '{cause}' is not a known value.", nameof(cause));
        }

        if (cause == AccidentCause.AutoAccident && string.IsNullOrWhiteSpace(stateCode) && string.IsNullOrWhiteSpace(countryCode))
        {
            throw new DomainException("An auto accident needs the state or the country where it happened.", nameof(stateCode));
        }

        Cause = cause;
        Date = date;
        StateCode = Guard.Optional(stateCode, nameof(StateCode), 3)?.ToUpperInvariant();
        CountryCode = countryCode is null ? null : Values.CountryCode.Normalise(countryCode);
    }

    public AccidentCause Cause { get; }

    public DateOnly Date { get; }

    public string? StateCode { get; }

    public string? CountryCode { get; }

    /// <summary>The X12 CLM11 code: AA, EM or OA.</summary>
    public string ToX12Code() => Cause switch
    {
        AccidentCause.AutoAccident => "AA",
        AccidentCause.Employment => "EM",
        _ => "OA",
    };
}
