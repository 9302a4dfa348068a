using System.Globalization;

namespace DentalClaimsHub.Adapters.Dms.Files;

/// <summary>One text form for a cell whatever the file format, so the normaliser above parses text only.</summary>
internal static class CellText
{
    private const string DecimalDigits = "0.############################";

    /// <summary>Trimmed of surrounding whitespace (no-break spaces included); empty is null.</summary>
    public static string? Clean(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var trimmed = Trim(text);
        return trimmed.IsEmpty ? null : trimmed.Length == text.Length ? text : trimmed.ToString();
    }

    /// <summary>Without surrounding whitespace (Unicode's, so no-break and narrow spaces too), zero-width spaces and stray
    /// BOMs, which text pasted from web pages and 1C brings along.</summary>
    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && IsBlank(text[start]))
        {
            start++;
        }

        while (end > start && IsBlank(text[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }

    private static bool IsBlank(char c) => char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF';

    /// <summary>An Excel value as ExcelDataReader gives it: dates as dd.MM.yyyy (with HH:mm:ss when there is a time),
    /// numbers as invariant decimals without exponent, booleans as true/false.</summary>
    public static string? FromExcel(object? value) => value switch
    {
        null or DBNull => null,
        string text => Clean(text),
        double number => Number(number),
        DateTime date => Date(date),
        bool flag => flag ? "true" : "false",
        TimeSpan time => time.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture),
        IFormattable other => Clean(other.ToString(null, CultureInfo.InvariantCulture)),
        _ => Clean(value.ToString()),
    };

    // Through decimal: it keeps the 15 significant digits a double reliably has, so 0.1 + 0.2 reads as 0.3.
    public static string Number(double number)
    {
        if (double.IsFinite(number) && Math.Abs(number) < 7.9e28)
        {
            return ((decimal)number).ToString(DecimalDigits, CultureInfo.InvariantCulture);
        }

        return number.ToString(double.IsFinite(number) ? "F0" : "R", CultureInfo.InvariantCulture);
    }

    private static string Date(DateTime date)
    {
        // Excel stores instants as fractions of a day; round to the second so 10:30 does not come out as 10:29:59.
        var rounded = new DateTime((date.Ticks + TimeSpan.TicksPerSecond / 2) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond,
            DateTimeKind.Unspecified);
        return rounded.TimeOfDay == TimeSpan.Zero
            ? rounded.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)
            : rounded.ToString("dd.MM.yyyy HH:mm:ss", CultureInfo.InvariantCulture);
    }
}
