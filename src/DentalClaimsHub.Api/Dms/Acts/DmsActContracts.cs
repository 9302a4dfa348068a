using System.Text.Json;
using DentalClaimsHub.Storage.DmsActs;

namespace DentalClaimsHub.Api.Dms.Acts;

/// <summary>An imported act: its totals, what the lines came to, and each line with its match and work item.
/// <c>unchanged</c> is true when the same file had been imported before (nothing applied again).</summary>
public sealed record DmsActView(
    Guid Id,
    string Insurer,
    string? Number,
    string FileName,
    DateTimeOffset ImportedAt,
    bool Unchanged,
    Guid? RemittanceId,
    decimal Billed,
    decimal Accepted,
    decimal Refused,
    DmsActCounts Counts,
    IReadOnlyList<DmsActLineView> Lines,
    IReadOnlyList<DmsActRowProblem> Problems)
{
    public static DmsActView Of(DmsAct act, bool unchanged) => new(act.Id, act.PayerId, act.Number, act.FileName, act.ImportedAt, unchanged,
        act.RemittanceId, act.Billed, act.Accepted, act.Refused,
        new DmsActCounts(act.Lines.Count, act.Lines.Count(l => l.IsMatched && l.Refused == 0), act.Lines.Count(l => l.IsMatched && l.Refused > 0 && l.Accepted > 0),
            act.Lines.Count(l => l.IsMatched && l.Refused > 0 && l.Accepted == 0), act.Lines.Count(l => !l.IsMatched),
            act.Lines.Count(l => l.WorkStatus == DmsActWorkStatus.Open), act.Problems.Count),
        [.. act.Lines.OrderBy(l => l.Row).Select(DmsActLineView.Of)], act.Problems);
}

/// <summary>Lines accepted in full, reduced, refused in full, matching nothing; open work items; unreadable rows.</summary>
public sealed record DmsActCounts(int Lines, int Accepted, int Reduced, int Refused, int Unmatched, int Open, int Problems);

/// <summary>One act line. <c>line</c> is its row in the insurer's file (the address of its dispute/accept endpoints);
/// <c>category</c> the hub-wide refusal category, <c>adjustment</c> what it was posted as (CO-&lt;CARC&gt;).</summary>
public sealed record DmsActLineView(
    int Line,
    string ClaimNumber,
    string? RegistryNumber,
    string ServiceCode,
    string? Tooth,
    DateOnly? ServiceDate,
    int Quantity,
    decimal Billed,
    decimal Accepted,
    decimal Refused,
    string? ReasonCode,
    string? ReasonText,
    string? Category,
    string? Adjustment,
    string Match,
    string? MatchProblem,
    Guid? ClaimId,
    int? ClaimLineNumber,
    string WorkStatus,
    string? WorkNote,
    string? WorkedBy,
    DateTimeOffset? WorkedAt)
{
    public static DmsActLineView Of(DmsActLine l) => new(l.Row, l.ClaimNumber, l.RegistryNumber, l.ServiceCode, l.Tooth, l.ServiceDate, l.Quantity,
        l.Billed, l.Accepted, l.Refused, l.ReasonCode, l.ReasonText, l.Category is null ? null : JsonNamingPolicy.CamelCase.ConvertName(l.Category),
        l.AdjustmentReason is null ? null : "CO-" + l.AdjustmentReason, l.IsMatched ? "matched" : "unmatched", l.MatchProblem, l.ClaimId,
        l.ClaimLineNumber, JsonNamingPolicy.CamelCase.ConvertName(l.WorkStatus.ToString()), l.WorkNote, l.WorkedBy, l.WorkedAt);
}

/// <summary>A refused or unmatched act line in the clinic's work queue, with the act it came in.</summary>
public sealed record DmsActWorkItem(Guid ActId, string Insurer, string? ActNumber, DateTimeOffset ImportedAt, DmsActLineView Line);

/// <summary>The clinic's note when it disputes or accepts a refused line.</summary>
public sealed record DmsActLineWorkRequest(string? Note);
