using DentalClaimsHub.Domain.Eligibility;

namespace DentalClaimsHub.Adapters.X12.Eligibility;

/// <summary>005010X279A1 code lists used by EB, HSD and DTP, mapped to canonical values.</summary>
internal static class X12BenefitCodes
{
    /// <summary>EB01 eligibility or benefit information; null for codes we do not turn into benefit lines.</summary>
    public static BenefitKind? Kind(string eb01) => eb01 switch
    {
        "1" or "2" or "3" or "4" or "5" => BenefitKind.ActiveCoverage,
        "6" or "7" or "8" => BenefitKind.InactiveCoverage,
        "A" => BenefitKind.CoInsurance,
        "B" => BenefitKind.CoPay,
        "C" => BenefitKind.Deductible,
        "F" => BenefitKind.Limitation,
        "G" => BenefitKind.OutOfPocket,
        "I" => BenefitKind.NonCovered,
        "E" => BenefitKind.Exclusion,
        _ => null,
    };

    /// <summary>EB02 coverage level.</summary>
    public static CoverageLevel Level(string eb02) => eb02 switch
    {
        "IND" => CoverageLevel.Individual,
        "FAM" => CoverageLevel.Family,
        "EMP" => CoverageLevel.EmployeeOnly,
        "ESP" => CoverageLevel.EmployeeAndSpouse,
        "ECH" => CoverageLevel.EmployeeAndChildren,
        "SPC" => CoverageLevel.SpouseAndChildren,
        "SPO" => CoverageLevel.SpouseOnly,
        "CHD" => CoverageLevel.ChildrenOnly,
        "DEP" => CoverageLevel.DependentsOnly,
        _ => CoverageLevel.Unknown,
    };

    /// <summary>EB06 / HSD05 time period qualifier.</summary>
    public static BenefitPeriod Period(string code) => code switch
    {
        "7" => BenefitPeriod.Day,
        "21" => BenefitPeriod.Years,
        "22" => BenefitPeriod.ServiceYear,
        "23" => BenefitPeriod.CalendarYear,
        "24" => BenefitPeriod.YearToDate,
        "25" => BenefitPeriod.Contract,
        "26" => BenefitPeriod.Episode,
        "27" => BenefitPeriod.Visit,
        "29" => BenefitPeriod.Remaining,
        "32" => BenefitPeriod.Lifetime,
        "33" => BenefitPeriod.LifetimeRemaining,
        "34" => BenefitPeriod.Month,
        "35" => BenefitPeriod.Week,
        _ => BenefitPeriod.Unknown,
    };

    /// <summary>EB12 in plan network indicator.</summary>
    public static BenefitNetwork Network(string eb12) => eb12 switch
    {
        "Y" => BenefitNetwork.InNetwork,
        "N" => BenefitNetwork.OutOfNetwork,
        "W" => BenefitNetwork.Both,
        _ => BenefitNetwork.Unknown,
    };

    /// <summary>EB09 / HSD01 quantity qualifier.</summary>
    public static QuantityUnit Unit(string code) => code switch
    {
        "VS" => QuantityUnit.Visits,
        "DY" or "DA" => QuantityUnit.Days,
        "MN" or "MO" => QuantityUnit.Months,
        "YY" => QuantityUnit.Years,
        "FL" => QuantityUnit.Units,
        "P6" or "99" => QuantityUnit.Services,
        _ => QuantityUnit.Unknown,
    };
}
