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
        if (CodedText.InEnglish)
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
        if (coded is null)
        {
            return english;
        }

        var money = MoneyArgs(coded.Code);
        var noPayee = coded.Code == RemittanceProblems.UnknownPayee && coded.Args is [""];
        return text.Words("RemittanceProblem", coded.Code, coded.Args,
            (i, value) => money.Contains(i) ? StoredValue.Money(value) : noPayee ? "—" : value) ?? english;
    }

    private static int[] MoneyArgs(string code) => code switch
    {
        RemittanceProblems.LineUnbalanced => [2, 3],
        RemittanceProblems.ClaimUnbalanced => [1, 2],
        RemittanceProblems.PaymentUnbalanced => [0, 1],
        RemittanceProblems.DuplicatePayment => [1],
        _ => [],
    };
}
