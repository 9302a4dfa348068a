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
public sealed record DmsRowError(int Row, string Column, string? Value, string Reason)
{
    public DmsRowError(int row, string column, string? value, DmsRosterReason reason)
        : this(row, column, value, (reason ?? throw new ArgumentNullException(nameof(reason))).Text)
    {
        Code = reason.Code;
        Args = reason.Args;
    }

    /// <summary>The code of <see cref="Reason"/> (<see cref="DmsRosterReasons"/>) and its values, for wording it per culture.</summary>
    public string? Code { get; init; }

    public IReadOnlyList<string> Args { get; init; } = [];
}

/// <summary>A file that cannot be imported at all; <see cref="Row"/> points at where it broke when known.</summary>
public sealed class DmsRosterException(DmsRosterReason reason, int? row = null, Exception? inner = null) : Exception(reason?.Text, inner)
{
    public int? Row { get; } = row;

    /// <summary>The message's code and values (<see cref="DmsRosterReasons"/>).</summary>
    public DmsRosterReason Reason { get; } = reason ?? throw new ArgumentNullException(nameof(reason));

    /// <summary>Wraps the file layer's message with the code its English is recognised as.</summary>
    internal static DmsRosterException Of(Exception exception, int? row) =>
        new(DmsRosterReasonRecognition.Recognise(exception.Message) ?? DmsRosterReasons.Unreadable(exception.Message), row, exception);
}
