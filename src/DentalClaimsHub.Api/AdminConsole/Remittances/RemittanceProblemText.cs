using System.Globalization;
using DentalClaimsHub.Domain.Remittances;
using Microsoft.Extensions.Localization;

namespace DentalClaimsHub.Api.AdminConsole.Remittances;

/// <summary>
/// A remittance's flag reasons in the console user's language: worded from their codes (<see cref="RemittanceProblems"/>)
/// with a <c>RemittanceProblem.*</c> text, money in the user's number format; a reader's own finding stays as given. In
/// English, or for problems without codes (flagged before codes existed), they read as stored.
/// </summary>
public sealed class RemittanceProblemText(IStringLocalizer<ConsoleText> text)
{
    public IReadOnlyList<string> Render(IReadOnlyList<string> stored, IReadOnlyList<RemittanceProblemCode> codes)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(codes);
        if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" || codes.Count != stored.Count)
        {
            return stored;
        }

        return [.. stored.Select((english, i) => Render(english, codes[i]))];
    }

    private string Render(string english, RemittanceProblemCode coded)
    {
        if (text["RemittanceProblem." + coded.Code] is not { ResourceNotFound: false } template)
        {
            return english;
        }

        var words = coded.Args.ToArray();
        foreach (var i in MoneyArgs(coded.Code).Where(i => i < words.Length))
        {
            words[i] = Money(words[i]);
        }

        if (coded.Code == RemittanceProblems.UnknownPayee && words is [""])
        {
            words[0] = "—";
        }

        return string.Format(CultureInfo.CurrentCulture, template.Value, [.. words]);
    }

    private static int[] MoneyArgs(string code) => code switch
    {
        RemittanceProblems.LineUnbalanced => [2, 3],
        RemittanceProblems.ClaimUnbalanced => [1, 2],
        RemittanceProblems.PaymentUnbalanced => [0, 1],
        RemittanceProblems.DuplicatePayment => [1],
        _ => [],
    };

    // Stored as Money.ToString: "1234.50 USD", invariant.
    private static string Money(string stored) =>
        stored.Split(' ') is [var amount, var currency] && decimal.TryParse(amount, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? Format.Money(value, currency)
            : stored;
}
