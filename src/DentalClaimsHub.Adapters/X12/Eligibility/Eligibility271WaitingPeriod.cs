using DentalClaimsHub.Domain.Eligibility;

namespace DentalClaimsHub.Adapters.X12.Eligibility;

/// <summary>
/// A waiting period as dental payers send it: a 2110C/D benefit whose DTP*348 (benefit begin) or DTP*356 (eligibility
/// begin) falls after the date asked about — the category is not covered until then. The guide has no EB01 code for it,
/// so the begin date (and any MSG wording) is the whole statement.
/// </summary>
internal static class Eligibility271WaitingPeriod
{
    public static DateOnly? CoveredFrom(X12BenefitSource source, DateOnly asOf)
    {
        if (source.Eb[1] is "6" or "E" or "I")
        {
            return null; // inactive, excluded or not covered: nothing to wait for
        }

        DateOnly? coveredFrom = null;
        foreach (var dtp in source.Dates)
        {
            if (dtp[1] is "348" or "356" && X12Dates.TryRead(dtp, out var begin, out _) && begin > asOf
                && (coveredFrom is null || begin < coveredFrom))
            {
                coveredFrom = begin;
            }
        }

        return coveredFrom;
    }

    /// <summary>
    /// Appends to <paramref name="lines"/> a waiting-period line for each of its lines from <paramref name="first"/> on (one
    /// benefit's): its category, level and network. Repeats are left to the caller, which keeps one of each for the answer.
    /// </summary>
    public static void AddLines(List<BenefitLine> lines, int first, DateOnly coveredFrom)
    {
        var end = lines.Count;
        for (var i = first; i < end; i++)
        {
            var b = lines[i];
            lines.Add(new BenefitLine
            {
                Kind = BenefitKind.WaitingPeriod,
                Category = b.Category,
                Network = b.Network,
                CoverageLevel = b.CoverageLevel,
                ProcedureCodes = b.ProcedureCodes,
                Note = b.Note,
                CoveredFrom = coveredFrom,
            });
        }
    }
}
