using DentalClaimsHub.Adapters.Dms.Files;
using DentalClaimsHub.Domain.Rosters;

namespace DentalClaimsHub.Adapters.Dms.Rosters;

/// <summary>What an insurer's roster file says about itself, read from the text above its header.</summary>
/// <param name="AsOf">The date the file speaks for: a detachment's or attachment's date when one is given, else the
/// document date or period start; the day a full list detaches everyone it no longer names.</param>
public sealed record DmsRosterHeader(
    RosterKind Kind,
    DmsFileFormat Format,
    string? Encoding,
    int HeaderRow,
    string? DocumentNumber,
    DateOnly? DocumentDate,
    string? Contract,
    string? Policyholder,
    DateOnly? AsOf,
    DateOnly? PeriodFrom,
    DateOnly? PeriodTo);

/// <summary>One row of a roster: a person, or why the row could not be read.</summary>
public sealed record DmsRosterEntry(int Row, RosterMember? Member, DmsRowError? Error)
{
    /// <summary>What the row does: the file's kind, or in a <see cref="RosterKind.Mixed"/> file Attach or Detach as the row says.</summary>
    public RosterKind Kind { get; init; }
}

/// <summary>A problem with one row: the row number as the insurer sees it, the column title, the cell and the reason.
/// The value is personal data: it goes into the import report, never into logs.</summary>
public sealed record DmsRowError(int Row, string Column, string? Value, string Reason);

/// <summary>A file that cannot be imported at all; <see cref="Row"/> points at where it broke when known.</summary>
public sealed class DmsRosterException(string message, int? row = null, Exception? inner = null) : Exception(message, inner)
{
    public int? Row { get; } = row;
}
