using System.Globalization;
using DentalClaimsHub.Domain;
using DentalClaimsHub.Domain.Claims;
using Microsoft.Extensions.Localization;

namespace DentalClaimsHub.Api.AdminConsole.Claims;

/// <summary>
/// A rule a claim breaks, in the console user's language: worded from its rule id (<see cref="ClaimRules"/>,
/// <see cref="ClaimChangeRules"/>, <see cref="DentalClaimsHub.Api.Claims.DocumentRules"/>) with a <c>Rule.*</c> text and its
/// arguments (dates in the user's format, claim states by their names); without an id it keeps the English message.
/// </summary>
public sealed class ClaimRuleText(IStringLocalizer<ConsoleText> text)
{
    public string Render(ClaimRuleViolation violation)
    {
        ArgumentNullException.ThrowIfNull(violation);
        // English is the message as the domain wrote it; the Rule.* English texts keep the two files' keys in step.
        return CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? violation.Message : Render(violation.Rule, violation.Args, violation.Message);
    }

    /// <summary>
    /// A rule broken while changing a claim, in every language from its <c>Rule.*</c> text: the domain's English names the
    /// field the console already shows the problem under ("Lines[2]: …", "(Parameter 'Surfaces')").
    /// </summary>
    public string Render(DomainException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return Render(exception.Rule, exception.Args, Plain(exception));
    }

    /// <summary>The text of rule <paramref name="rule"/> with <paramref name="args"/>; <paramref name="message"/> when it has none.</summary>
    public string Render(string? rule, IReadOnlyList<string> args, string message)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (rule is null || text["Rule." + rule] is { ResourceNotFound: true })
        {
            return message;
        }

        var words = args.Select(Word).ToList();
        if (rule == ClaimRules.SurfaceCount && words.Count == 5)
        {
            // Args: code, least, most (empty: no limit), given, surfaces; the text takes code, the expected count, given, surfaces.
            var expected = words[2].Length == 0 ? string.Format(CultureInfo.CurrentCulture, text["Rule.surface-count.AtLeast"], words[1])
                : words[1] == words[2] ? words[1] : $"{words[1]}–{words[2]}";
            words = [words[0], expected, words[3], words[4]];
        }

        return string.Format(CultureInfo.CurrentCulture, text["Rule." + rule], [.. words]);
    }

    // The message without ArgumentException's "(Parameter 'x')" tail.
    private static string Plain(DomainException exception)
    {
        var tail = exception.ParamName is { } name ? $" (Parameter '{name}')" : null;
        return tail is not null && exception.Message.EndsWith(tail, StringComparison.Ordinal) ? exception.Message[..^tail.Length] : exception.Message;
    }

    // ISO dates read as the user writes dates, claim states by their names; everything else (codes, teeth, counts) as is.
    private string Word(string arg) =>
        Enum.GetNames<ClaimState>().Contains(arg, StringComparer.Ordinal) ? text["State." + arg] : StoredValue.Date(arg);
}
