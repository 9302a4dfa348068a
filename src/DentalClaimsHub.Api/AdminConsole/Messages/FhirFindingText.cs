using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace DentalClaimsHub.Api.AdminConsole.Messages;

/// <summary>
/// A FHIR file's reader finding (<c>FhirInboundReader</c>, kept as its English in <c>messages.parse_errors</c>) in the console
/// user's language: our own sentences recognised and worded by <c>FhirFinding.*</c>; the FHIR library's and the domain's own
/// diagnostics stay as values inside the Russian frame. In English, or for a line that is none of them, null.
/// </summary>
public sealed partial class FhirFindingText(IStringLocalizer<ConsoleText> text)
{
    public string? Render(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        foreach (var (pattern, key) in Sentences)
        {
            if (pattern.Match(stored) is { Success: true } match)
            {
                // System.Text.Json counts lines and bytes from zero; a person counts from one.
                return text.Words("FhirFinding", key, [.. match.Groups.Cast<Group>().Skip(1).Select(g => g.Value)],
                    (i, value) => (key, i) switch { ("NotJson", 1 or 2) => FromOne(value), _ => value });
            }
        }

        return null;
    }

    private static string FromOne(string zeroBased) =>
        long.TryParse(zeroBased, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? (n + 1).ToString(CultureInfo.CurrentCulture) : zeroBased;

    /// <summary>The keys, for the check that each has words in every language.</summary>
    public static IEnumerable<string> Keys => Sentences.Select(s => s.Key);

    private static readonly (Regex Pattern, string Key)[] Sentences =
    [
        (NotAResource(), "NotAResource"), (NotJson(), "NotJson"), (NotR4(), "NotR4"), (NoIdentifier(), "NoIdentifier"), (NotSent(), "NotSent"),
        (Outcome(), "Outcome"), (Created(), "Created"), (PaymentNoClaim(), "PaymentNoClaim"), (Payment(), "Payment"),
    ];

    [GeneratedRegex(@"^Not a FHIR resource: a JSON object with a resourceType is expected\.$")]
    private static partial Regex NotAResource();

    // A body that is not JSON at all: the reader keeps System.Text.Json's message.
    [GeneratedRegex(@"^Not a FHIR R4 resource: (.*?) ?LineNumber: (\d+) \| BytePositionInLine: (\d+)\.$", RegexOptions.Singleline)]
    private static partial Regex NotJson();

    [GeneratedRegex(@"^Not a FHIR R4 resource: (.*)$", RegexOptions.Singleline)]
    private static partial Regex NotR4();

    [GeneratedRegex(@"^ClaimResponse (.*): no identifier of ours \((.*)\) in request or identifier\.$")]
    private static partial Regex NoIdentifier();

    [GeneratedRegex(@"^(\w+) is not something a payer sends the hub; kept unread\.$")]
    private static partial Regex NotSent();

    [GeneratedRegex(@"^ClaimResponse\.outcome '(.*)' is not queued, partial, complete or error\.$")]
    private static partial Regex Outcome();

    [GeneratedRegex(@"^ClaimResponse\.created is not a date\.$")]
    private static partial Regex Created();

    // The reader's own DomainException, with the parameter name ArgumentException appends.
    [GeneratedRegex(@"^Payment (.*?): ExplanationOfBenefit (.*) names no claim of ours \((.*)\)\.(?: \(Parameter '\w+'\))?$")]
    private static partial Regex PaymentNoClaim();

    [GeneratedRegex(@"^Payment (.*?): (.*)$", RegexOptions.Singleline)]
    private static partial Regex Payment();
}
