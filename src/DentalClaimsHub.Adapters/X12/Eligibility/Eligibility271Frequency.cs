using System.Globalization;
using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.X12;

namespace DentalClaimsHub.Adapters.X12.Eligibility;

/// <summary>HSD health care services delivery: a frequency limit such as <c>HSD*FL*1***34*6</c> (1 per 6 months).</summary>
internal static class Eligibility271Frequency
{
    /// <summary>Returns <paramref name="line"/> as a frequency line with HSD01/02 as quantity and HSD05/06 as period.</summary>
    public static BenefitLine Apply(BenefitLine line, X12Segment hsd)
    {
        decimal? quantity = decimal.TryParse(hsd[2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q) ? q : null;
        int? count = int.TryParse(hsd[6], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
        var period = hsd[5].Length > 0 ? X12BenefitCodes.Period(hsd[5]) : line.Period;
        return line with
        {
            Kind = line.Kind is BenefitKind.Limitation ? BenefitKind.Frequency : line.Kind,
            Quantity = quantity ?? line.Quantity,
            QuantityUnit = hsd[1].Length > 0 ? X12BenefitCodes.Unit(hsd[1]) : line.QuantityUnit,
            Period = period,
            PeriodCount = count ?? (period == line.Period ? line.PeriodCount : null),
        };
    }
}
