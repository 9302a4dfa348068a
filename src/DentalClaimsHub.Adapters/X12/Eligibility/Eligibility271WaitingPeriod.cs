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
        foreach (var dtp in source.Dates.Where(d => d[1] is "348" or "356"))
        {
            if (X12Dates.TryRead(dtp, out var begin, out _) && begin > asOf && (coveredFrom is null || begin < coveredFrom))
            {
                coveredFrom = begin;
            }
        }

        return coveredFrom;
    }

    /// <summary>One waiting-period line per category, level and network the benefit's own lines name.</summary>
    public static IEnumerable<BenefitLine> Lines(IEnumerable<BenefitLine> benefit, DateOnly coveredFrom) =>
        benefit.Select(b => new BenefitLine
        {
            Kind = BenefitKind.WaitingPeriod,
            Category = b.Category,
            Network = b.Network,
            CoverageLevel = b.CoverageLevel,
            ProcedureCodes = b.ProcedureCodes,
            Note = b.Note,
            CoveredFrom = coveredFrom,
        }).Distinct();
}
