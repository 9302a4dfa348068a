using System.Globalization;
using Microsoft.Extensions.Localization;

namespace DentalClaimsHub.Api.AdminConsole;

/// <summary>Which grammatical form a count takes: English uses One and Many; Russian One (1, 21), Few (2–4, 22) and Many (5, 11, 12).</summary>
public enum PluralForm
{
    One,
    Few,
    Many,
}

/// <summary>
/// "{n} things" texts: a counted text has three resx entries, <c>Key.One</c>, <c>Key.Few</c> and <c>Key.Many</c> (English writes the
/// same text for Few and Many), and the count picks one by the CLDR cardinal rules of the culture's language.
/// </summary>
public static class Plural
{
    public static PluralForm FormOf(long count, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var n = Math.Abs(count);
        if (culture.TwoLetterISOLanguageName != "ru")
        {
            return n == 1 ? PluralForm.One : PluralForm.Many;
        }

        // CLDR ru: one = n%10 = 1 and n%100 != 11; few = n%10 in 2..4 and n%100 not in 12..14; many = the rest.
        var (units, tens) = (n % 10, n % 100);
        return units == 1 && tens != 11 ? PluralForm.One
            : units is >= 2 and <= 4 && tens is not (>= 12 and <= 14) ? PluralForm.Few
            : PluralForm.Many;
    }

    /// <summary>The text of <paramref name="key"/> in the form <paramref name="count"/> asks for, formatted with <paramref name="args"/>.</summary>
    public static string Count(this IStringLocalizer text, string key, long count, params object[] args)
    {
        ArgumentNullException.ThrowIfNull(text);
        var culture = CultureInfo.CurrentUICulture;
        return string.Format(CultureInfo.CurrentCulture, text[key + "." + FormOf(count, culture)], args);
    }
}
