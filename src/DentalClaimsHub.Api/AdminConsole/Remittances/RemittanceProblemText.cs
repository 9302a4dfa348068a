using System.Globalization;
using DentalClaimsHub.Domain.Remittances;
using Microsoft.Extensions.Localization;

namespace DentalClaimsHub.Api.AdminConsole.Remittances;

/// <summary>
/// A remittance's flag reasons in the console user's language: worded from their codes (<see cref="RemittanceProblems"/>)
/// with a <c>RemittanceProblem.*</c> text, money in the user's number format; a reader's own finding stays as given. In
/// English they read as stored; problems flagged before codes existed are recognised by their English (<see cref="UncodedRemittanceText"/>).
/// </summary>
public sealed class RemittanceProblemText(IStringLocalizer<ConsoleText> text)
{
    public IReadOnlyList<string> Render(IReadOnlyList<string> stored, IReadOnlyList<RemittanceProblemCode> codes)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(codes);
        if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en")
        {
            return stored;
        }

        // Flagged before codes existed: each problem recognised by its English, or read as stored.
        return codes.Count == stored.Count
            ? [.. stored.Select((english, i) => Render(english, codes[i]))]
            : [.. stored.Select(english => Render(english, UncodedRemittanceText.Problem(english)))];
    }

    private string Render(string english, RemittanceProblemCode? coded)
    {
        if (coded is null || text["RemittanceProblem." + coded.Code] is not { ResourceNotFound: false } template)
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
