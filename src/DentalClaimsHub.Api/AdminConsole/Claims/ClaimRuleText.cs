using System.Globalization;
using DentalClaimsHub.Domain.Claims;
using Microsoft.Extensions.Localization;

namespace DentalClaimsHub.Api.AdminConsole.Claims;

/// <summary>
/// A rule a claim breaks, in the console user's language: worded from its rule id (<see cref="ClaimRules"/>) with a
/// <c>Rule.*</c> text and its arguments (dates in the user's format); in English, or without an id, it keeps the domain's message.
/// </summary>
public sealed class ClaimRuleText(IStringLocalizer<ConsoleText> text)
{
    public string Render(ClaimRuleViolation violation)
    {
        ArgumentNullException.ThrowIfNull(violation);
        // English is the message as the domain wrote it; the Rule.* English texts keep the two files' keys in step.
        if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" || violation.Rule is not { } rule || text["Rule." + rule] is { ResourceNotFound: true })
        {
            return violation.Message;
        }

        var args = violation.Args.Select(Word).ToList();
        if (rule == ClaimRules.SurfaceCount && args.Count == 5)
        {
            // Args: code, least, most (empty: no limit), given, surfaces; the text takes code, the expected count, given, surfaces.
            var expected = args[2].Length == 0 ? string.Format(CultureInfo.CurrentCulture, text["Rule.surface-count.AtLeast"], args[1])
                : args[1] == args[2] ? args[1] : $"{args[1]}–{args[2]}";
            args = [args[0], expected, args[3], args[4]];
        }

        return string.Format(CultureInfo.CurrentCulture, text["Rule." + rule], [.. args]);
    }

    // ISO dates read as the user writes dates; everything else (codes, teeth, counts) as is.
    private static string Word(string arg) =>
        DateOnly.TryParseExact(arg, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? Format.Date(date) : arg;
}
