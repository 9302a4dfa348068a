using System.Globalization;
using DentalClaimsHub.X12.Schemas;

namespace DentalClaimsHub.X12.Validation;

/// <summary>Checks one non-empty simple value against its element definition; returns the 999 IK403 code or null.</summary>
/// <remarks>Works on the raw characters: a string is only made for the message of a value that fails.</remarks>
internal static class X12ValueRules
{
    public static (string Code, string Reason)? Check(X12ElementSchema element, ReadOnlySpan<char> value)
    {
        if (value.ContainsAnyInRange('\u0000', '\u001f') || value.ContainsAnyInRange('\u007f', '\u009f'))
            return ("6", "contains a control character");

        var typeError = element.Type switch
        {
            "N0" or "N2" => IsInteger(value) ? null : ("6", $"'{value}' is not a whole number (type {element.Type})"),
            "R" => IsDecimal(value) ? null : ("6", $"'{value}' is not a decimal number"),
            "DT" => X12Dates.IsDate(value) ? null : ("8", $"'{value}' is not a valid date ({(value.Length == 6 ? "YYMMDD" : "CCYYMMDD")})"),
            "TM" => IsTime(value) ? null : ("9", $"'{value}' is not a valid time (HHMM[SS[d..]])"),
            _ => ((string, string)?)null,
        };
        if (typeError is not null)
            return typeError;

        var length = element.Type is "R" or "N0" or "N2" ? Digits(value) : value.Length;
        if (element.MinLength > 0 && length < element.MinLength)
            return ("4", $"'{value}' is shorter than the minimum length {element.MinLength}");
        if (element.MaxLength > 0 && length > element.MaxLength)
            return ("5", $"'{value}' is longer than the maximum length {element.MaxLength}");

        if (element.Codes.Count > 0 && !ContainsCode(element.Codes, value))
            return ("7", $"'{value}' is not a valid code for {element.Name} (allowed: {Allowed(element)})");

        return null;
    }

    // The schema loader builds ordinal hash sets, which look spans up directly; any other set gets a string.
    private static bool ContainsCode(IReadOnlySet<string> codes, ReadOnlySpan<char> value) =>
        codes is HashSet<string> set && set.TryGetAlternateLookup<ReadOnlySpan<char>>(out var lookup)
            ? lookup.Contains(value)
            : codes.Contains(value.ToString());

    private static string Allowed(X12ElementSchema element)
    {
        var codes = element.Codes.Order(StringComparer.Ordinal).ToList();
        return codes.Count <= 12 ? string.Join(", ", codes) : string.Join(", ", codes.Take(12)) + ", …";
    }

    private static int Digits(ReadOnlySpan<char> value)
    {
        var count = 0;
        foreach (var c in value)
            if (char.IsAsciiDigit(c)) count++;
        return count;
    }

    private static bool IsInteger(ReadOnlySpan<char> value)
    {
        var digits = value[(value.StartsWith('-') ? 1 : 0)..];
        return !digits.IsEmpty && !digits.ContainsAnyExceptInRange('0', '9');
    }

    // R: optional minus, digits with at most one decimal point, at least one digit.
    private static bool IsDecimal(ReadOnlySpan<char> value)
    {
        var digits = value[(value.StartsWith('-') ? 1 : 0)..];
        var points = 0;
        var numerals = 0;
        foreach (var c in digits)
        {
            if (c == '.') points++;
            else if (char.IsAsciiDigit(c)) numerals++;
            else return false;
        }

        return numerals > 0 && points <= 1;
    }

    private static bool IsTime(ReadOnlySpan<char> value)
    {
        if (value.Length < 4 || value.Length > 8 || value.ContainsAnyExceptInRange('0', '9'))
            return false;
        var hours = int.Parse(value[..2], CultureInfo.InvariantCulture);
        var minutes = int.Parse(value[2..4], CultureInfo.InvariantCulture);
        var seconds = value.Length >= 6 ? int.Parse(value[4..6], CultureInfo.InvariantCulture) : 0;
        return hours < 24 && minutes < 60 && seconds < 60 && value.Length != 5;
    }
}
