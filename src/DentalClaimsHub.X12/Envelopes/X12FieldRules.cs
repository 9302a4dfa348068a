using System.Globalization;

namespace DentalClaimsHub.X12.Envelopes;

/// <summary>Value rules shared by the envelope checks: digits, X12 dates and times.</summary>
public static class X12FieldRules
{
    /// <summary>True when <paramref name="value"/> is <paramref name="min"/>..<paramref name="max"/> ASCII digits.</summary>
    public static bool IsDigits(string value, int min, int max) =>
        value.Length >= min && value.Length <= max && value.All(char.IsAsciiDigit);

    /// <summary>True for a real calendar date in format <c>YYMMDD</c> (ISA09) or <c>CCYYMMDD</c> (GS04, DTP).</summary>
    public static bool IsDate(string value) =>
        value.Length is 6 or 8 && value.All(char.IsAsciiDigit)
        && DateTime.TryParseExact(value, value.Length == 6 ? "yyMMdd" : "yyyyMMdd", CultureInfo.InvariantCulture,
            DateTimeStyles.None, out _);

    /// <summary>
    /// True for a time <c>HHMM</c>, <c>HHMMSS</c>, <c>HHMMSSD</c> or <c>HHMMSSDD</c> with valid hours, minutes and seconds.
    /// </summary>
    public static bool IsTime(string value, bool allowSeconds = true)
    {
        if (!(value.Length == 4 || (allowSeconds && value.Length is 6 or 7 or 8)) || !value.All(char.IsAsciiDigit))
        {
            return false;
        }

        var hours = int.Parse(value.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var minutes = int.Parse(value.AsSpan(2, 2), CultureInfo.InvariantCulture);
        var seconds = value.Length >= 6 ? int.Parse(value.AsSpan(4, 2), CultureInfo.InvariantCulture) : 0;
        return hours < 24 && minutes < 60 && seconds < 60;
    }

    /// <summary>True for a valid segment identifier: 2 or 3 upper-case letters or digits, starting with a letter.</summary>
    public static bool IsSegmentId(string id) =>
        id.Length is 2 or 3 && char.IsAsciiLetterUpper(id[0]) && id.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));
}
