using System.Text.RegularExpressions;
using DentalClaimsHub.Domain.Rosters;

namespace DentalClaimsHub.Adapters.Dms.Mappings;

/// <summary>How an insurer's insured rosters look: the table, how ФИО comes, the facts above the header, how the file says
/// whether it attaches, detaches or lists everyone, and where franchise, exclusions and programme hide in free text.</summary>
public sealed record DmsRosterLayout
{
    /// <summary>Field names a roster's <c>columns</c> may use. <c>detachedFrom</c> is the first day a person is no longer
    /// served (дата открепления); <c>servedUntil</c> the last day they are (окончание обслуживания); <c>limit</c> the
    /// programme's sum limit in roubles (лимит, страховая сумма: "150 000,00").</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        "policy", "fullName", "lastName", "firstName", "middleName", "birthDate", "sex", "attachedFrom", "detachedFrom", "servedUntil",
        "program", "policyholder", "contract", "clinic", "phone", "address", "notes", "action", "limit",
    ];

    public required DmsTableLayout Table { get; init; }

    /// <summary>True when ФИО is one cell (<c>fullName</c>), false when split in three.</summary>
    public required bool JoinedName { get; init; }

    /// <summary>Facts above the header, each a pattern with a <c>value</c> group: documentNumber, documentDate, contract,
    /// policyholder, effectiveDate, periodFrom, periodTo.</summary>
    public IReadOnlyDictionary<string, Regex> Preamble { get; init; } = new Dictionary<string, Regex>();

    /// <summary>Patterns over the text above the header and the file name, tried detach → attach → full.</summary>
    public IReadOnlyDictionary<RosterKind, Regex> Kinds { get; init; } = new Dictionary<RosterKind, Regex>();

    /// <summary>The kind when no pattern matches; null makes such a file an error.</summary>
    public RosterKind? DefaultKind { get; init; }

    /// <summary>How a mixed file (<see cref="RosterKind.Mixed"/>) says per row whether it attaches or detaches.</summary>
    public DmsRowKindLayout? RowKinds { get; init; }

    /// <summary>How a file of one-person blocks carries a person's data onto its continuation rows; null for a plain table.</summary>
    public DmsBlockLayout? Blocks { get; init; }

    /// <summary>Franchise percent in free text, with a <c>percent</c> group.</summary>
    public Regex? Franchise { get; init; }

    /// <summary>Exclusions in free text; each match is kept as written.</summary>
    public IReadOnlyList<Regex> Exclusions { get; init; } = [];

    /// <summary>The insurer's programme names or codes → ours, tried in order.</summary>
    public IReadOnlyList<DmsProgramRule> Programs { get; init; } = [];

    /// <summary>Cell texts meaning male and female (case-insensitive).</summary>
    public IReadOnlyList<string> Male { get; init; } = ["м", "муж", "мужской", "m"];

    public IReadOnlyList<string> Female { get; init; } = ["ж", "жен", "женский", "f"];
}

/// <summary>An insurer programme (by a pattern over its code or name) translated to our code and name.</summary>
public sealed record DmsProgramRule(Regex Match, string Code, string Name);

/// <summary>
/// Per-row attach/detach in a mixed roster: the <c>action</c> column's cell (when <see cref="Column"/>), or the last section
/// heading above the row — a row whose only filled cell matches a pattern (when <see cref="Sections"/>). The cell wins over
/// the heading.
/// </summary>
public sealed record DmsRowKindLayout(bool Column, bool Sections, Regex Attach, Regex Detach);

/// <summary>
/// One-person blocks: a row with <see cref="Start"/> filled opens a person's block; the rows below it with that cell empty
/// continue the block (another programme, a continued note) and take the <see cref="Carry"/> fields they leave empty from
/// the block's first row. Unlike fillDown, nothing crosses into the next person's block.
/// </summary>
public sealed record DmsBlockLayout(string Start, IReadOnlyList<string> Carry);
