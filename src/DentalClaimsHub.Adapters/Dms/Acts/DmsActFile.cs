using DentalClaimsHub.Adapters.Dms.Files;
using DentalClaimsHub.Adapters.Dms.Rosters;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Adapters.Dms.Acts;

/// <summary>An insurer's act read with its layout: its number and the clinic's ИНН (when the layout finds them), the service lines
/// it holds and the rows that could not be read.</summary>
public sealed record DmsActFile(
    DmsFileFormat Format, int HeaderRow, string? Number, Inn? ClinicInn, IReadOnlyList<DmsActLine> Lines, IReadOnlyList<DmsRowError> Errors);

/// <summary>
/// One service line of an act: which of our claims and services it answers (<see cref="Claim"/> is the PCN the registry carried),
/// what was billed, accepted (принято к оплате) and refused (снято), and why. <see cref="Policy"/> is personal data: used for
/// matching only, never stored or logged.
/// </summary>
public sealed record DmsActLine(
    int Row,
    string? Registry,
    string Claim,
    string? LineReference,
    string? Policy,
    DateOnly? ServiceDate,
    NomenclatureCode Code,
    string? Tooth,
    int Quantity,
    decimal Billed,
    decimal Accepted,
    decimal Refused,
    string? ReasonCode,
    string? ReasonText,
    DmsRefusalCategory? Category)
{
    /// <summary>Accepted in full: nothing refused.</summary>
    public bool IsAccepted => Refused == 0m;

    /// <summary>Refused in full: nothing accepted.</summary>
    public bool IsRefused => Accepted == 0m && Refused > 0m;
}

/// <summary>An act that cannot be read at all (not a table, wrong format, no header); <see cref="Row"/> where it broke when known.</summary>
public sealed class DmsActException(string message, int? row = null, Exception? inner = null) : Exception(message, inner)
{
    public int? Row { get; } = row;
}
