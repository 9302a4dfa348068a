using System.Globalization;
using Microsoft.Extensions.Localization;

namespace DentalClaimsHub.Api.AdminConsole;

/// <summary>
/// Words a stored code in the console user's language: the hub keeps what it records in English together with a code and its
/// values, and the console reads it back from a <c>Prefix.code</c> text of <see cref="ConsoleText"/>. In English the stored
/// sentence is already the words, so there are none to build: the caller shows what was stored.
/// </summary>
public static class CodedText
{
    /// <summary>The user reads English: stored sentences are shown as written.</summary>
    public static bool InEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>
    /// The text <c>{prefix}.{code}</c> filled with <paramref name="args"/>, each passed through <paramref name="value"/> (its
    /// index and stored form) first; null in English, without a code or a text for it, or when the values do not fill the
    /// text (a code written by a newer hub, a row stored with fewer values) — the caller then shows the stored sentence.
    /// </summary>
    public static string? Words(this IStringLocalizer<ConsoleText> text, string prefix, string? code, IReadOnlyList<string> args,
        Func<int, string, string>? value = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(args);
        if (InEnglish || code is null || text.Label(prefix, code) is not { } template)
        {
            return null;
        }

        object[] words = value is null ? [.. args] : [.. args.Select((arg, i) => value(i, arg))];
        try
        {
            return string.Format(CultureInfo.CurrentCulture, template, words);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The text <c>{prefix}.{code}</c> (a state's or a category's name), or null when there is none.</summary>
    public static string? Label(this IStringLocalizer<ConsoleText> text, string prefix, string code)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text[prefix + "." + code] is { ResourceNotFound: false } label ? label.Value : null;
    }

    /// <summary>The name of <paramref name="code"/> under <paramref name="prefix"/> (<c>State.Paid</c>), or the code as stored.</summary>
    public static string Name(this IStringLocalizer<ConsoleText> text, string prefix, string code) => text.Label(prefix, code) ?? code;
}
