using System.Globalization;

namespace DentalClaimsHub.X12.Validation;

/// <summary>Calendar checks of X12 dates (DT): CCYYMMDD, or YYMMDD read with the invariant culture's century window.</summary>
internal static class X12Dates
{
    /// <summary>True for 8 digits forming a real CCYYMMDD date, or 6 digits forming a real YYMMDD date.</summary>
    public static bool IsDate(ReadOnlySpan<char> value) =>
        value.Length is 8 or 6 && !value.ContainsAnyExceptInRange('0', '9')
        && (value.Length == 8
            ? IsCalendarDate(Number(value[..4]), Number(value[4..6]), Number(value[6..]))
            : DateTime.TryParseExact(value, "yyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));

    /// <summary>True for exactly 8 digits forming a real CCYYMMDD date (what <c>yyyyMMdd</c> parsing accepts).</summary>
    public static bool IsCcyymmdd(ReadOnlySpan<char> value) =>
        value.Length == 8 && !value.ContainsAnyExceptInRange('0', '9')
        && IsCalendarDate(Number(value[..4]), Number(value[4..6]), Number(value[6..]));

    private static bool IsCalendarDate(int year, int month, int day) =>
        year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static int Number(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits)
            value = (value * 10) + (c - '0');
        return value;
    }
}
