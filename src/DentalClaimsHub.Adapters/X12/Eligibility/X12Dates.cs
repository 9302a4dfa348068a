using System.Globalization;
using DentalClaimsHub.X12;

namespace DentalClaimsHub.Adapters.X12.Eligibility;

/// <summary>Reads DTP dates (D8 or RD8) into date ranges.</summary>
internal static class X12Dates
{
    public static bool TryRead(X12Segment dtp, out DateOnly start, out DateOnly? end)
    {
        end = null;
        var value = dtp[3];
        if (dtp[2] == "RD8" && value.Split('-') is [var from, var to]
            && TryDate(from, out start) && TryDate(to, out var last))
        {
            end = last;
            return true;
        }

        return TryDate(value, out start);
    }

    public static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string Describe(string qualifier) => qualifier switch
    {
        "096" => "Discharge",
        "193" => "Period start",
        "194" => "Period end",
        "198" => "Completion",
        "290" => "Coordination of benefits",
        "291" => "Plan",
        "292" => "Benefit",
        "295" => "Primary care provider",
        "304" => "Latest visit or consultation",
        "307" => "Eligibility",
        "318" => "Added",
        "346" => "Plan begin",
        "347" => "Plan end",
        "348" => "Benefit begin",
        "349" => "Benefit end",
        "356" => "Eligibility begin",
        "357" => "Eligibility end",
        "435" => "Admission",
        "472" => "Service",
        "636" => "Last update",
        _ => $"Date {qualifier}",
    };
}
