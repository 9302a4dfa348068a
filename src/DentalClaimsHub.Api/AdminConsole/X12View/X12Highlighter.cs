using DentalClaimsHub.Adapters.Codes;
using DentalClaimsHub.X12;
using DentalClaimsHub.X12.Parsing;

namespace DentalClaimsHub.Api.AdminConsole.X12View;

/// <summary>
/// Marks what acknowledgements point at: each 999 IK3/IK4 on the 837 segment (and element) it names, by the transaction set
/// control number in AK202 and the position in IK302; each 277CA STC of a claim (TRN*2 = the claim's patient control
/// number) on the 837's CLM, and line-level STCs (REF*FJ = line item control number) on the LX of that line. The pointing
/// segments are marked too. Explanations are words from <c>schemas/codes</c> through <paramref name="explain"/>.
/// </summary>
public sealed class X12Highlighter(X12CodeExplainer explain)
{
    /// <summary>Marks the rows of <paramref name="ack"/> and of <paramref name="claims"/> (the 837s it may point at, latest first).</summary>
    public void Mark999(X12ViewBuilder.Parsed ack, IReadOnlyList<X12ViewBuilder.Parsed> claims)
    {
        if (ack.Document is null)
            return;

        X12Transaction? target = null;
        X12ViewBuilder.Parsed? targetFile = null;
        X12Segment? ik3 = null;
        foreach (var segment in ack.Document.Segments)
        {
            switch (segment.Id)
            {
                case "AK2":
                    (targetFile, target) = FindTransaction(claims, segment[1], segment[2]);
                    ik3 = null;
                    break;
                case "IK3":
                {
                    ik3 = segment;
                    var code = segment[4];
                    var mark = new X12Highlight(X12HighlightKind.SegmentError, "IK3", code, null, null, explain.SegmentError(code));
                    ack.Row(segment.Ordinal)?.Mark(mark);
                    if (Target(targetFile, target, segment) is { } row)
                        row.Mark(mark);
                    break;
                }
                case "IK4":
                {
                    var code = segment[3];
                    var element = int.TryParse(segment[1, 1], out var e) ? e : (int?)null;
                    var component = int.TryParse(segment[1, 2], out var c) ? c : (int?)null;
                    var mark = new X12Highlight(X12HighlightKind.ElementError, "IK4", code, element, component, explain.ElementError(code));
                    ack.Row(segment.Ordinal)?.Mark(mark);
                    if (ik3 is not null && Target(targetFile, target, ik3) is { } row)
                        row.Mark(mark);
                    break;
                }
                case "IK5":
                {
                    var code = segment[1];
                    ack.Row(segment.Ordinal)?.Mark(new X12Highlight(X12HighlightKind.TransactionResult, "IK5", code, null, null, explain.TransactionResult(code)));
                    break;
                }
            }
        }
    }

    /// <summary>Marks the STCs of claim <paramref name="patientControlNumber"/> in <paramref name="ack"/> and their targets in <paramref name="claims"/>.</summary>
    public void Mark277(X12ViewBuilder.Parsed ack, IReadOnlyList<X12ViewBuilder.Parsed> claims, string patientControlNumber)
    {
        if (ack.Document is null)
            return;

        foreach (var transaction in ack.Document.Transactions)
        {
            foreach (var loop in transaction.Root.Descendants())
            {
                var trn = loop.Segment("TRN", 1, "2");
                if (trn is null || !string.Equals(trn[2], patientControlNumber, StringComparison.Ordinal))
                    continue;

                var clm = FindClaim(claims, patientControlNumber);
                foreach (var stc in loop.Segments("STC"))
                {
                    var mark = Status(stc);
                    ack.Row(stc.Ordinal)?.Mark(mark);
                    if (clm is { } found)
                        found.File.Row(found.Segment.Ordinal)?.Mark(mark);
                }

                foreach (var line in loop.ChildLoops)
                {
                    var lineNumber = line.Segment("REF", 1, "FJ")?[2];
                    var lx = lineNumber is null || clm is null ? null : FindLine(clm.Value.Transaction, lineNumber);
                    foreach (var stc in line.Segments("STC"))
                    {
                        var mark = Status(stc);
                        ack.Row(stc.Ordinal)?.Mark(mark);
                        if (lx is not null)
                            clm!.Value.File.Row(lx.Ordinal)?.Mark(mark);
                    }
                }
            }
        }
    }

    private X12Highlight Status(X12Segment stc)
    {
        var parts = new List<string> { explain.Status(stc[1, 1], stc[1, 2], stc[1, 3]) };
        foreach (var more in new[] { 10, 11 })
        {
            if (stc[more, 1].Length > 0)
                parts.Add(explain.Status(stc[more, 1], stc[more, 2], stc[more, 3]));
        }

        return new X12Highlight(X12HighlightKind.ClaimStatus, "STC", stc[1, 1], null, null, string.Join(" · ", parts));
    }

    private static (X12ViewBuilder.Parsed?, X12Transaction?) FindTransaction(IReadOnlyList<X12ViewBuilder.Parsed> claims, string setId, string controlNumber)
    {
        foreach (var file in claims)
        {
            var transaction = file.Document?.Transactions.FirstOrDefault(t => t.TransactionSetId == setId && t.ControlNumber == controlNumber);
            if (transaction is not null)
                return (file, transaction);
        }

        return (null, null);
    }

    private static X12RowView? Target(X12ViewBuilder.Parsed? file, X12Transaction? transaction, X12Segment ik3)
    {
        if (file is null || transaction is null || !int.TryParse(ik3[2], out var position) || position < 1)
            return null;
        var row = file.Row(transaction.Header.Ordinal + position - 1);
        return row is not null && row.SegmentId == ik3[1] ? row : null;
    }

    private static (X12ViewBuilder.Parsed File, X12Transaction Transaction, X12Segment Segment)? FindClaim(IReadOnlyList<X12ViewBuilder.Parsed> claims, string pcn)
    {
        foreach (var file in claims)
        {
            foreach (var transaction in file.Document?.Transactions ?? [])
            {
                var clm = transaction.Segments.Select(s => s.Segment).FirstOrDefault(s => s.Id == "CLM" && s[1] == pcn);
                if (clm is not null)
                    return (file, transaction, clm);
            }
        }

        return null;
    }

    private static X12Segment? FindLine(X12Transaction transaction, string lineItemControlNumber)
    {
        foreach (var line in transaction.Loops("2400"))
        {
            if (line.Segment("REF", 1, "6R")?[2] == lineItemControlNumber)
                return line.Segment("LX");
        }

        return null;
    }
}
