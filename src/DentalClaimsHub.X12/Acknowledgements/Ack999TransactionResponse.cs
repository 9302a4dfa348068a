using System.Globalization;
using DentalClaimsHub.X12.Parsing;
using DentalClaimsHub.X12.Validation;

namespace DentalClaimsHub.X12.Acknowledgements;

/// <summary>The 2000 loop of a 999 for one transaction set: AK2, IK3/CTX/IK4 per segment in error, IK5.</summary>
internal static class Ack999TransactionResponse
{
    private const int MaxSegmentNotes = 100;

    public static IEnumerable<X12Segment> Build(X12TransactionReport report)
    {
        var transaction = report.Transaction;
        yield return Ack999Segments.Create("AK2", Ack999Segments.Echo(transaction.TransactionSetId, 3), Ack999Segments.Echo(transaction.ControlNumber, 9),
            Ack999Segments.Echo(transaction.ImplementationReference, 35));

        var errors = report.Findings.Where(f => f.IsError).ToList();
        var contexts = ClaimContexts(transaction);
        var located = errors.Where(f => f.Issue.SegmentOrdinal is not null && !IsTransactionLevel(f)).ToList();
        foreach (var group in located.GroupBy(f => (f.Issue.SegmentOrdinal!.Value, f.Issue.SegmentId)).OrderBy(g => g.Key.Value).Take(MaxSegmentNotes))
        {
            foreach (var segment in SegmentNote(transaction, group.ToList(), contexts))
                yield return segment;
        }

        yield return Trailer(errors, located.Count > 0);
    }

    private static IEnumerable<X12Segment> SegmentNote(X12Transaction transaction, List<X12Finding> findings, IReadOnlyDictionary<int, string> contexts)
    {
        var first = findings[0].Issue;
        var ordinal = first.SegmentOrdinal!.Value;
        var position = Math.Max(1, ordinal - transaction.Header.Ordinal + 1).ToString(CultureInfo.InvariantCulture);
        // IK303 is data element 447 (AN 1/4): guide loop ids such as 2010AA keep their numeric part.
        var loop = first.LoopId is null or "ST" ? null : Ack999Segments.Echo(first.LoopId, 4);
        var context = contexts.TryGetValue(ordinal, out var claim) ? Ack999Segments.Create("CTX", $"CLM01:{Ack999Segments.Clean(claim)}") : null;

        foreach (var finding in findings.Where(f => Ack999Codes.SegmentCode(f) is not null))
        {
            yield return Ack999Segments.Create("IK3", Ack999Segments.Echo(finding.Issue.SegmentId ?? "", 3), position, loop, Ack999Codes.SegmentCode(finding));
            if (context is not null) yield return context;
        }

        var elementFindings = findings.Where(f => Ack999Codes.ElementCode(f) is not null).ToList();
        if (elementFindings.Count == 0)
            yield break;

        yield return Ack999Segments.Create("IK3", Ack999Segments.Echo(first.SegmentId ?? "", 3), position, loop, "8");
        if (context is not null) yield return context;
        foreach (var finding in elementFindings.Take(99))
            yield return ElementNote(finding);
    }

    private static X12Segment ElementNote(X12Finding finding)
    {
        var issue = finding.Issue;
        var where = (issue.ElementPosition ?? 1).ToString(CultureInfo.InvariantCulture);
        if (issue.ComponentPosition is { } component) where += ":" + component.ToString(CultureInfo.InvariantCulture);
        if (finding.Repetition is { } repetition)
            where += (issue.ComponentPosition is null ? "::" : ":") + repetition.ToString(CultureInfo.InvariantCulture);
        var reference = finding.ElementRef is { } r && r.All(char.IsAsciiDigit) ? r : null;
        var code = Ack999Codes.ElementCode(finding)!;
        var bad = code == "1" || string.IsNullOrEmpty(finding.BadValue) ? null : Ack999Segments.Clean(finding.BadValue);
        return Ack999Segments.Create("IK4", where, reference, code, bad);
    }

    private static X12Segment Trailer(List<X12Finding> errors, bool segmentErrors)
    {
        if (errors.Count == 0)
            return Ack999Segments.Create("IK5", "A");

        var codes = errors.Select(f => X12IssueCodes.CodeAfter(f.Issue.Code, X12IssueCodes.TransactionPrefix)).OfType<string>().ToList();
        if (segmentErrors) codes.Add("5");
        var distinct = codes.Distinct(StringComparer.Ordinal).Take(5).ToArray();
        return Ack999Segments.Create("IK5", [ "R", .. distinct.Length > 0 ? distinct : ["5"] ]);
    }

    private static bool IsTransactionLevel(X12Finding finding) =>
        finding.Issue.Code.StartsWith(X12IssueCodes.TransactionPrefix, StringComparison.Ordinal);

    // 005010X231A1 2100 CTX: the business unit of an 837 error is the claim (CLM01) whose 2300 loop holds the segment.
    private static Dictionary<int, string> ClaimContexts(X12Transaction transaction)
    {
        var map = new Dictionary<int, string>();
        if (transaction.TransactionSetId != "837")
            return map;
        foreach (var claim in transaction.Loops("2300"))
        {
            var id = claim.Segment("CLM")?[1] ?? "";
            if (id.Length == 0) continue;
            foreach (var segment in claim.AllSegments())
                map[segment.Segment.Ordinal] = id;
        }

        return map;
    }
}
