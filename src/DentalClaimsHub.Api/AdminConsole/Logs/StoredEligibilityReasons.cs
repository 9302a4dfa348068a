using System.Text.RegularExpressions;

namespace DentalClaimsHub.Api.AdminConsole.Logs;

/// <summary>A failed check's reason read back to a console key (<c>EligibilityReason.*</c>) and the values it names.</summary>
public sealed record EligibilityReasonWords(string Key, IReadOnlyList<string> Args);

/// <summary>
/// Reads back the adapters' English accounts of an unusable payer answer (the messages of <c>PayerResponseException</c> and
/// <c>CoreTransportException</c> that the runner stores as <c>FailureReason</c>), so the eligibility log can word them per
/// culture; the values in them (codes, traces, the payer's own text) stay as given. Anything else gives null.
/// </summary>
public static partial class StoredEligibilityReasons
{
    public static EligibilityReasonWords? Recognise(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        foreach (var (pattern, key) in Sentences)
        {
            if (pattern.Match(stored) is { Success: true } match)
            {
                return new(key, [.. match.Groups.Cast<Group>().Skip(1).Select(g => g.Value)]);
            }
        }

        return null;
    }

    private static readonly (Regex Pattern, string Key)[] Sentences =
    [
        (WrongPayload(), "wrong-payload"), (X12Unusable(), "x12-unusable"), (NoTrace(), "no-trace"), (OtherTrace(), "other-trace"),
        (FhirWrongResource(), "fhir-wrong-resource"), (FhirUnusable(), "fhir-unusable"), (FhirOtherRequest(), "fhir-other-request"),
        (FhirErrorWhy(), "fhir-error-uncoded-why"), (FhirError(), "fhir-error-uncoded"), (FhirUnreadable(), "fhir-unreadable"),
        (SoapFault(), "core-soap-fault"), (CoreError(), "core-error"), (NoEnvelope(), "core-no-envelope"), (NotXml(), "core-not-xml"),
        (NotSoap(), "core-not-soap"), (NotMultipart(), "core-not-multipart"), (OtherPayload(), "core-other-payload"),
    ];

    /// <summary>Every key above, for the check that each has words in every language.</summary>
    public static IReadOnlyList<string> Keys => [.. Sentences.Select(s => s.Key)];

    [GeneratedRegex(@"^The payer answered the 270 with PayloadType '(.*)', not a 271 \((.*)\)\.$")]
    private static partial Regex WrongPayload();

    [GeneratedRegex(@"^The payer's 271 could not be used: (.*)$", RegexOptions.Singleline)]
    private static partial Regex X12Unusable();

    [GeneratedRegex(@"^The payer's 271 carries no trace number \(TRN\), so it cannot be matched to this inquiry\.$")]
    private static partial Regex NoTrace();

    [GeneratedRegex(@"^The payer's 271 answers trace '(.*)', not this inquiry's '(.*)'\.$")]
    private static partial Regex OtherTrace();

    [GeneratedRegex(@"^Expected a CoverageEligibilityResponse from the FHIR payer, got (.*)\.$")]
    private static partial Regex FhirWrongResource();

    [GeneratedRegex(@"^The payer's CoverageEligibilityResponse could not be used: (.*)$", RegexOptions.Singleline)]
    private static partial Regex FhirUnusable();

    [GeneratedRegex(@"^The payer's CoverageEligibilityResponse answers request '(.*)', not this inquiry's '(.*)'\.$")]
    private static partial Regex FhirOtherRequest();

    [GeneratedRegex(@"^The payer's CoverageEligibilityResponse has outcome 'error' without an error code: (.*)$", RegexOptions.Singleline)]
    private static partial Regex FhirErrorWhy();

    [GeneratedRegex(@"^The payer's CoverageEligibilityResponse has outcome 'error' without an error code\.$")]
    private static partial Regex FhirError();

    [GeneratedRegex(@"^The FHIR payer's answer is not readable FHIR JSON: (.*)$", RegexOptions.Singleline)]
    private static partial Regex FhirUnreadable();

    [GeneratedRegex(@"^Payer '(.+?)': SOAP fault: (.*)$", RegexOptions.Singleline)]
    private static partial Regex SoapFault();

    [GeneratedRegex(@"^Payer '(.+?)': CORE error (\S+): (.*) \(HTTP (\d+)\)\.$", RegexOptions.Singleline)]
    private static partial Regex CoreError();

    [GeneratedRegex(@"^Payer '(.+?)': HTTP (\d+) .*without a CORE envelope\.$")]
    private static partial Regex NoEnvelope();

    [GeneratedRegex(@"^Payer '(.+?)': the response is not XML\.$")]
    private static partial Regex NotXml();

    [GeneratedRegex(@"^Payer '(.+?)': the response is not a SOAP 1\.2 envelope with a body\.$")]
    private static partial Regex NotSoap();

    [GeneratedRegex(@"^Payer '(.+?)': the response is not multipart \(no boundary\)\.$")]
    private static partial Regex NotMultipart();

    [GeneratedRegex(@"^Payer '(.+?)': the CORE response answers PayloadID '(.*)', not '(.*)'\.$")]
    private static partial Regex OtherPayload();
}
