using DentalClaimsHub.X12.Parsing;

namespace DentalClaimsHub.X12.Validation;

/// <summary>
/// Situational rules of 005010X224A2 that a loop grammar cannot express. Missing situational segments are IK304 I6,
/// situational segments sent where the situation excludes them are IK304 I9.
/// </summary>
internal static class X12DentalClaimRules
{
    public static void Check(X12Transaction transaction, IReadOnlyList<X12Loop> loops, X12FindingSink sink)
    {
        if (transaction.Schema?.Guide != "005010X224A2")
            return;

        var lines = new List<X12Loop>();
        foreach (var claim in loops)
        {
            if (claim.Id != "2300")
                continue;
            if (claim.Segment("CLM") is not { } clm)
                continue;
            X12TreeWalk.LoopsWithId(claim, "2400", lines);

            // 2300 REF*F8: required when CLM05-3 is 7 (replacement) or 8 (void).
            if (clm.ComponentSpan(5, 3) is "7" or "8" && claim.Segment("REF", 1, "F8") is null)
                sink.MissingSegment(clm, "REF", "2300", "I6", $"claim {clm[1]} replaces or voids a claim (frequency {clm[5, 3]}) but has no REF*F8 payer claim number");

            var predetermination = clm.ElementEquals(19, "PB");
            var claimDate = claim.Segment("DTP", 1, "472");
            if (predetermination && claimDate is not null)
                sink.Segment(claimDate, "2300", "I9", $"claim {clm[1]} is a predetermination (CLM19 PB), which carries no service date");

            foreach (var line in lines)
                CheckLine(clm, line, predetermination, claimDate is not null, sink);
        }
    }

    private static void CheckLine(X12Segment clm, X12Loop line, bool predetermination, bool claimHasDate, X12FindingSink sink)
    {
        if (line.Segment("SV3") is not { } sv3)
            return;

        var lineDate = line.Segment("DTP", 1, "472");
        if (!predetermination && !claimHasDate && lineDate is null)
            sink.MissingSegment(sv3, "DTP", "2400", "I6", $"claim {clm[1]} has no service date (DTP*472) on the claim or on this line");
        if (predetermination && lineDate is not null)
            sink.Segment(lineDate, "2400", "I9", $"claim {clm[1]} is a predetermination (CLM19 PB), which carries no service date");

        // SV305 R (replacement prosthesis) needs the prior placement date, DTP*441.
        if (sv3[5] == "R" && line.Segment("DTP", 1, "441") is null)
            sink.MissingSegment(sv3, "DTP", "2400", "I6", $"line {line.Segment("LX")?[1]} replaces a prosthesis (SV305 R) but has no DTP*441 prior placement date");

        // 2400 TOO: several teeth on one line only when the procedure count SV306 is 1.
        var teeth = 0;
        X12Segment? second = null;
        foreach (var too in line.Segments("TOO"))
        {
            if (++teeth == 2)
                second = too;
        }

        if (teeth > 1 && sv3[6] != "1")
            sink.Segment(second!, "2400", "5", $"line {line.Segment("LX")?[1]} lists {teeth} teeth, allowed only when SV306 is 1");
    }
}
