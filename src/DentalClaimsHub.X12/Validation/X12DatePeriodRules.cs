using System.Globalization;

namespace DentalClaimsHub.X12.Validation;

/// <summary>
/// Dates carried as text with a format qualifier (DTP02/DTP03, DMG01/DMG02): D8 is CCYYMMDD, RD8 is CCYYMMDD-CCYYMMDD
/// with the start not after the end.
/// </summary>
internal static class X12DatePeriodRules
{
    public static void Check(X12Segment segment, string? loopId, X12FindingSink sink)
    {
        var (qualifierPosition, valuePosition) = segment.Id switch
        {
            "DTP" => (2, 3),
            "DMG" => (1, 2),
            _ => (0, 0),
        };
        if (qualifierPosition == 0)
            return;

        var format = segment[qualifierPosition];
        var value = segment[valuePosition];
        if (value.Length == 0)
            return;

        var ok = format switch
        {
            "D8" => IsDate(value),
            "RD8" => value.Split('-') is [var start, var end] && IsDate(start) && IsDate(end) && string.CompareOrdinal(start, end) <= 0,
            _ => true,
        };
        if (!ok)
        {
            sink.Element(segment, loopId, "8", valuePosition, null, "1251", value,
                $"{segment.Id}{valuePosition:00} '{value}' is not a valid {(format == "D8" ? "CCYYMMDD date" : "CCYYMMDD-CCYYMMDD period")}");
        }
    }

    private static bool IsDate(string text) =>
        text.Length == 8 && DateTime.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
