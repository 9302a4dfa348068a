using DentalClaimsHub.X12;
using DentalClaimsHub.X12.Parsing;

namespace DentalClaimsHub.Adapters.X12.Eligibility;

/// <summary>Plan begin/end from DTP: 346/347 or 291 first, then eligibility 356/357 or 307; member level before benefit level.</summary>
internal static class Eligibility271PlanDates
{
    public static (DateOnly? Begin, DateOnly? End) Find(X12Loop? dependent, X12Loop? subscriber, IReadOnlyList<X12BenefitSource> sources)
    {
        var dates = new List<X12Segment>();
        dates.AddRange(dependent?.Segments("DTP") ?? []);
        dates.AddRange(subscriber?.Segments("DTP") ?? []);
        dates.AddRange(sources.Where(s => s.Eb[1] is "1" or "2" or "3" or "4" or "5" or "6").SelectMany(s => s.Dates));

        var begin = First(dates, "346", start: true) ?? First(dates, "291", start: true)
            ?? First(dates, "356", start: true) ?? First(dates, "307", start: true);
        var end = First(dates, "347", start: true) ?? First(dates, "291", start: false)
            ?? First(dates, "357", start: true) ?? First(dates, "307", start: false);
        return (begin, end);
    }

    private static DateOnly? First(List<X12Segment> dates, string qualifier, bool start)
    {
        foreach (var dtp in dates.Where(d => d[1] == qualifier))
        {
            if (X12Dates.TryRead(dtp, out var from, out var to))
            {
                if (start)
                {
                    return from;
                }

                if (to is not null)
                {
                    return to;
                }
            }
        }

        return null;
    }
}
