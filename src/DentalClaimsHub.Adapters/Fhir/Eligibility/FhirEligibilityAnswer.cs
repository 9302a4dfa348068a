using DentalClaimsHub.Adapters.Eligibility;
using DentalClaimsHub.Adapters.Transports;
using Hl7.Fhir.Model;

namespace DentalClaimsHub.Adapters.Fhir.Eligibility;

/// <summary>
/// Decides whether a payer's <c>CoverageEligibilityResponse</c> answers this inquiry before it is mapped: outcome
/// <c>error</c> without coded errors and an answer to another request are unusable.
/// </summary>
internal static class FhirEligibilityAnswer
{
    /// <summary>Throws <see cref="PayerResponseException"/> when the response cannot be the answer to <paramref name="inquiry"/>.</summary>
    public static void EnsureAnswers(CoverageEligibilityResponse response, EligibilityInquiry inquiry)
    {
        var payerId = inquiry.Payer.Id;
        if (AnswersAnotherRequest(response.Request, inquiry) is { } other)
        {
            throw new PayerResponseException(payerId,
                new PayerReason(PayerReasons.FhirOtherRequest, [other, inquiry.Check.Id.ToString()]));
        }

        // An error outcome with coded errors is the payer's "no" (member not found...): it becomes rejections.
        var coded = response.Error.Any(e => e.Code?.Coding.Any(c => !string.IsNullOrWhiteSpace(c.Code)) == true);
        if (response.Outcome == ClaimProcessingCodes.Error && !coded)
        {
            var why = InquiryRedaction.Redact(
                response.Disposition ?? string.Join("; ", response.Error.Select(e => e.Code?.Text).OfType<string>()), inquiry);
            throw new PayerResponseException(payerId, string.IsNullOrWhiteSpace(why)
                ? new PayerReason(PayerReasons.FhirErrorUncoded, [])
                : new PayerReason(PayerReasons.FhirErrorUncodedWhy, [why]));
        }
    }

    // The answer names its request by identifier (our trace number) or by reference (our request id, which the simulator
    // and $submit keep). A payer that assigns its own request ids must echo the identifier. No request at all is let pass.
    private static string? AnswersAnotherRequest(ResourceReference? request, EligibilityInquiry inquiry)
    {
        if (request?.Identifier is { Value: { } trace })
        {
            return string.Equals(trace, inquiry.TraceNumber, StringComparison.OrdinalIgnoreCase) ? null : trace;
        }

        const string prefix = "CoverageEligibilityRequest/";
        var reference = request?.Reference;
        var at = reference?.LastIndexOf(prefix, StringComparison.Ordinal) ?? -1;
        if (reference is null || at < 0)
        {
            return null;
        }

        var id = reference[(at + prefix.Length)..].Split('/')[0];
        return id.Length == 0 || Guid.TryParse(id, out var guid) && guid == inquiry.Check.Id ? null : id;
    }
}
