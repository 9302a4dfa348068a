using System.Globalization;

namespace DentalClaimsHub.Adapters.Transports;

/// <summary>
/// The codes of the adapters' accounts of an unusable payer answer, each with its English template. A code is stored with a
/// failed check and never changes meaning; a new wording is a new template, a new account a new code.
/// </summary>
public static class PayerReasons
{
    /// <summary>Args: the payload type received, the one expected.</summary>
    public const string WrongPayload = "wrong-payload";

    /// <summary>Args: the 271 reader's notes (up to three).</summary>
    public const string X12Unusable = "x12-unusable";

    /// <summary>The 271 reader found no result and said nothing.</summary>
    public const string X12UnusableUnexplained = "x12-unusable-unexplained";

    public const string NoTrace = "no-trace";

    /// <summary>Args: the trace the 271 answers, this inquiry's trace.</summary>
    public const string OtherTrace = "other-trace";

    /// <summary>Args: the FHIR resource type received (or "no resource").</summary>
    public const string FhirWrongResource = "fhir-wrong-resource";

    /// <summary>Args: the FHIR reader's notes (up to three, redacted).</summary>
    public const string FhirUnusable = "fhir-unusable";

    /// <summary>Args: the request the response answers, this inquiry's check id.</summary>
    public const string FhirOtherRequest = "fhir-other-request";

    /// <summary>Args: the payer's disposition or error texts (redacted).</summary>
    public const string FhirErrorUncodedWhy = "fhir-error-uncoded-why";

    public const string FhirErrorUncoded = "fhir-error-uncoded";

    /// <summary>Args: the SDK's reason (redacted).</summary>
    public const string FhirUnreadable = "fhir-unreadable";

    /// <summary>Args: the type of the exception reading the answer.</summary>
    public const string FhirUnreadableType = "fhir-unreadable-type";

    /// <summary>Args: the HTTP status, the OperationOutcome's diagnostics (redacted).</summary>
    public const string FhirHttpError = "fhir-http-error";

    /// <summary>Args: the HTTP status.</summary>
    public const string FhirHttpNoOutcome = "fhir-http-no-outcome";

    /// <summary>Args: the payer, the SOAP fault's reason text.</summary>
    public const string CoreSoapFault = "core-soap-fault";

    /// <summary>Args: the payer, the CORE error code, the payer's error message, the HTTP status.</summary>
    public const string CoreError = "core-error";

    /// <summary>Args: the payer, the HTTP status, its reason phrase.</summary>
    public const string CoreNoEnvelope = "core-no-envelope";

    /// <summary>Args: the payer.</summary>
    public const string CoreNotXml = "core-not-xml";

    /// <summary>Args: the payer.</summary>
    public const string CoreNotSoap = "core-not-soap";

    /// <summary>Args: the payer.</summary>
    public const string CoreNotMultipart = "core-not-multipart";

    /// <summary>Args: the payer, the PayloadID answered, the one sent.</summary>
    public const string CoreOtherPayload = "core-other-payload";

    private static readonly Dictionary<string, string> Templates = new(StringComparer.Ordinal)
    {
        [WrongPayload] = "The payer answered the 270 with PayloadType '{0}', not a 271 ({1}).",
        [X12Unusable] = "The payer's 271 could not be used: {0}",
        [X12UnusableUnexplained] = "The payer's 271 could not be used: no reason given.",
        [NoTrace] = "The payer's 271 carries no trace number (TRN), so it cannot be matched to this inquiry.",
        [OtherTrace] = "The payer's 271 answers trace '{0}', not this inquiry's '{1}'.",
        [FhirWrongResource] = "Expected a CoverageEligibilityResponse from the FHIR payer, got {0}.",
        [FhirUnusable] = "The payer's CoverageEligibilityResponse could not be used: {0}",
        [FhirOtherRequest] = "The payer's CoverageEligibilityResponse answers request '{0}', not this inquiry's '{1}'.",
        [FhirErrorUncodedWhy] = "The payer's CoverageEligibilityResponse has outcome 'error' without an error code: {0}",
        [FhirErrorUncoded] = "The payer's CoverageEligibilityResponse has outcome 'error' without an error code.",
        [FhirUnreadable] = "The FHIR payer's answer is not readable FHIR JSON: {0}",
        [FhirUnreadableType] = "The FHIR payer's answer is not readable FHIR JSON ({0}).",
        [FhirHttpError] = "The FHIR payer answered HTTP {0}: {1}",
        [FhirHttpNoOutcome] = "The FHIR payer answered HTTP {0} without an OperationOutcome.",
        [CoreSoapFault] = "Payer '{0}': SOAP fault: {1}",
        [CoreError] = "Payer '{0}': CORE error {1}: {2} (HTTP {3}).",
        [CoreNoEnvelope] = "Payer '{0}': HTTP {1} {2} without a CORE envelope.",
        [CoreNotXml] = "Payer '{0}': the response is not XML.",
        [CoreNotSoap] = "Payer '{0}': the response is not a SOAP 1.2 envelope with a body.",
        [CoreNotMultipart] = "Payer '{0}': the response is not multipart (no boundary).",
        [CoreOtherPayload] = "Payer '{0}': the CORE response answers PayloadID '{1}', not '{2}'.",
    };

    /// <summary>Every code above, for the check that each has words in every language.</summary>
    public static IReadOnlyList<string> All => [.. Templates.Keys];

    /// <summary>The account of <paramref name="code"/> in English with <paramref name="args"/> in its places.</summary>
    public static string English(string code, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var template = Templates.TryGetValue(code, out var t) ? t
            : throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown payer reason.");
        return string.Format(CultureInfo.InvariantCulture, template, [.. args]);
    }
}
