using System.Globalization;
using DentalClaimsHub.Adapters.X12.Eligibility;
using DentalClaimsHub.Domain.Claims.Status;
using DentalClaimsHub.X12;
using DentalClaimsHub.X12.Parsing;

namespace DentalClaimsHub.Adapters.X12.ClaimStatus;

/// <summary>Maps one 277 claim status tracking loop (2200D/2200E) and its service lines (2220D/2220E).</summary>
internal static class ClaimStatus277Claim
{
    public static ClaimStatusResult Map(X12Loop loop)
    {
        var problems = new List<string>();
        var trn = loop.Segment("TRN");
        if (trn is not null && trn[1] != "2")
        {
            problems.Add($"TRN at segment {trn.Ordinal} has TRN01 '{trn[1]}', not 2 (referenced transaction trace number).");
        }

        var statuses = loop.Segments("STC").SelectMany(stc => Entries(stc, problems)).ToList();
        if (statuses.Count == 0)
        {
            problems.Add($"Claim loop {loop.Id} at segment {FirstOrdinal(loop)} carries no usable STC status.");
        }

        var (from, to) = ServiceDates(loop.Segment("DTP", 1, "472"), problems);
        var lines = loop.ChildLoops.Where(l => l.Id is "2220D" or "2220E").Select(l => Line(l, problems)).ToList();
        return new ClaimStatusResult
        {
            TraceNumber = NullIfEmpty(trn?[2]),
            PayerClaimNumber = NullIfEmpty(loop.Segment("REF", 1, "1K")?[2]),
            PatientControlNumber = NullIfEmpty(loop.Segment("REF", 1, "EJ")?[2]),
            ServiceFrom = from,
            ServiceTo = to,
            Statuses = statuses,
            Lines = lines,
            Problems = problems,
        };
    }

    private static ClaimStatusLine Line(X12Loop loop, List<string> problems)
    {
        var svc = loop.Segment("SVC");
        var (from, _) = ServiceDates(loop.Segment("DTP", 1, "472"), problems);
        return new ClaimStatusLine(
            ProcedureCode: svc is null ? null : NullIfEmpty(svc[1, 2]),
            LineControlNumber: NullIfEmpty(loop.Segment("REF", 1, "FJ")?[2]),
            Charge: svc is null ? null : Amount(svc, 2, problems),
            Paid: svc is null ? null : Amount(svc, 3, problems),
            ServiceDate: from,
            Statuses: [.. loop.Segments("STC").SelectMany(stc => Entries(stc, problems))]);
    }

    // STC01, STC10 and STC11 are each a C043 health care claim status (category:status:entity:code list); the date and the
    // amounts of the segment belong to STC01, the other two add detail to the same status.
    private static IEnumerable<ClaimStatusEntry> Entries(X12Segment stc, List<string> problems)
    {
        var date = Date(stc, 2, problems);
        foreach (var element in (int[])[1, 10, 11])
        {
            var parts = stc.Components(element);
            if (parts.Count == 0)
            {
                if (element == 1)
                {
                    problems.Add($"STC at segment {stc.Ordinal} has no status in STC01; skipped.");
                }

                continue;
            }

            if (parts[0].Length == 0)
            {
                problems.Add($"STC at segment {stc.Ordinal} has no category code in STC{element:D2}; skipped.");
                continue;
            }

            var first = element == 1;
            yield return new ClaimStatusEntry(
                parts[0].Trim().ToUpperInvariant(),
                parts.Count > 1 ? parts[1].Trim() : "",
                parts.Count > 2 ? NullIfEmpty(parts[2]) : null,
                date,
                first ? Amount(stc, 4, problems) : null,
                first ? Amount(stc, 5, problems) : null);
        }
    }

    private static (DateOnly? From, DateOnly? To) ServiceDates(X12Segment? dtp, List<string> problems)
    {
        if (dtp is null)
        {
            return (null, null);
        }

        if (X12Dates.TryRead(dtp, out var start, out var end))
        {
            return (start, end ?? start);
        }

        problems.Add($"DTP at segment {dtp.Ordinal} has an unreadable service date; ignored.");
        return (null, null);
    }

    private static DateOnly? Date(X12Segment segment, int element, List<string> problems)
    {
        var text = segment[element];
        if (text.Length == 0)
        {
            return null;
        }

        if (X12Dates.TryDate(text, out var date))
        {
            return date;
        }

        problems.Add($"{segment.Id}{element:D2} at segment {segment.Ordinal} is not a CCYYMMDD date; ignored.");
        return null;
    }

    private static decimal? Amount(X12Segment segment, int element, List<string> problems)
    {
        var text = segment[element];
        if (text.Length == 0)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture,
                out var amount))
        {
            return amount;
        }

        problems.Add($"{segment.Id}{element:D2} at segment {segment.Ordinal} is not an amount; ignored.");
        return null;
    }

    private static int FirstOrdinal(X12Loop loop) => loop.AllSegments().FirstOrDefault()?.Segment.Ordinal ?? 0;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
