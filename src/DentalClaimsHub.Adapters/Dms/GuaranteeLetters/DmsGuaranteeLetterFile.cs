using DentalClaimsHub.Adapters.Dms.Files;
using DentalClaimsHub.Adapters.Dms.Rosters;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Adapters.Dms.GuaranteeLetters;

/// <summary>An insurer's answer file read with its layout: the letters it holds and the rows that could not be read.</summary>
public sealed record DmsGuaranteeLetterFile(DmsFileFormat Format, int HeaderRow, IReadOnlyList<DmsGuaranteeLetter> Letters, IReadOnlyList<DmsRowError> Errors);

/// <summary>
/// One answer to one request: <see cref="Request"/> is our reference the insurer echoes (the claim's patient control
/// number), <see cref="Number"/> the letter's № ГП. <see cref="Services"/> lists the services the rows name (empty when
/// the answer is one row per letter).
/// </summary>
public sealed record DmsGuaranteeLetter(
    string Request,
    int Row,
    GuaranteeDecision Decision,
    string? Number,
    DateOnly? Date,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    decimal? Limit,
    string? Note,
    IReadOnlyList<DmsGuaranteeService> Services);

/// <summary>A service an answer row names: approved (with the amount when given) or refused.</summary>
public sealed record DmsGuaranteeService(int Row, NomenclatureCode Code, bool Approved, decimal? ApprovedAmount, string? Note);

/// <summary>A file that cannot be read at all (not a table, wrong format, no header); <see cref="Row"/> where it broke when known.</summary>
public sealed class DmsGuaranteeLetterException(string message, int? row = null, Exception? inner = null) : Exception(message, inner)
{
    public int? Row { get; } = row;
}
