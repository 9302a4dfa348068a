using DentalClaimsHub.Adapters.Eligibility;
using DentalClaimsHub.Adapters.Fhir.Transport;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Adapters.Transports;
using DentalClaimsHub.Adapters.Transports.Resilience;
using DentalClaimsHub.Domain.Eligibility;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Microsoft.Extensions.Logging;

namespace DentalClaimsHub.Adapters.Fhir.Eligibility;

/// <summary>
/// Eligibility with a FHIR R4 payer: a <c>CoverageEligibilityRequest</c> (purposes validation and benefits) POSTed to
/// <c>{baseUrl}/CoverageEligibilityRequest</c>, or as a collection Bundle to <c>CoverageEligibilityRequest/$submit</c>
/// when the profile says <c>useSubmitOperations</c>; the <c>CoverageEligibilityResponse</c> becomes the canonical result.
/// </summary>
public sealed partial class FhirEligibilityAdapter(
    IHttpMessageHandlerFactory handlers,
    TimeProvider time,
    ILogger<FhirEligibilityAdapter> logger) : IEligibilityAdapter
{
    private readonly FhirPayerClients _clients = new(handlers);
    private readonly FhirEligibilityRequestBuilder _builder = new(time);
    private readonly FhirEligibilityResponseReader _reader = new(time);

    public PayerProtocol Protocol => PayerProtocol.Fhir;

    public IReadOnlyList<InquiryProblem> Validate(EligibilityInquiry inquiry) => FhirInquiryValidation.Problems(inquiry);

    public async Task<EligibilityResult> CheckAsync(EligibilityInquiry inquiry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inquiry);
        var payer = inquiry.Payer;
        var submit = payer.Fhir?.UseSubmitOperations == true;
        LogSending(logger, inquiry.Check.Id, payer.Id, submit ? "$submit" : "POST");
        if (inquiry.Check.Status == EligibilityCheckStatus.Requested)
        {
            inquiry.Check.MarkSent(inquiry.TraceNumber);
        }

        using var client = _clients.Create(payer, idempotent: true, PayerOperations.Eligibility);
        var answer = await ExchangeAsync(client, inquiry, submit, cancellationToken);
        var response = answer switch
        {
            CoverageEligibilityResponse r => r,
            Bundle b => b.Entry.Select(e => e.Resource).OfType<CoverageEligibilityResponse>().FirstOrDefault(),
            _ => null,
        } ?? throw new PayerResponseException(payer.Id,
            new PayerReason(PayerReasons.FhirWrongResource, [answer?.TypeName ?? "no resource"]));
        FhirEligibilityAnswer.EnsureAnswers(response, inquiry);

        // The SDK has parsed the answer (leniently) already; it is mapped as is rather than parsed again.
        var report = _reader.Read(response);
        var result = report.Result ?? throw new PayerResponseException(payer.Id,
            new PayerReason(PayerReasons.FhirUnusable, [InquiryRedaction.Redact(string.Join("; ", report.Issues.Take(3)), inquiry)]));
        LogAnswered(logger, inquiry.Check.Id, payer.Id, result.Status, result.Benefits.Count, result.Rejections.Count,
            report.Issues.Count);
        return result;
    }

    private async Task<Resource?> ExchangeAsync(
        FhirClient client, EligibilityInquiry inquiry, bool submit, CancellationToken cancellationToken)
    {
        try
        {
            return submit
                ? await client.OperationAsync(
                    new Uri(client.Endpoint, "CoverageEligibilityRequest/$submit"), _builder.BuildSubmitBundle(inquiry),
                    ct: cancellationToken)
                : await client.CreateAsync<Resource>(_builder.BuildRequest(inquiry), cancellationToken);
        }
        catch (FhirOperationException e)
        {
            throw FhirFailures.From(e, inquiry.Payer.Id, text => InquiryRedaction.Redact(text, inquiry));
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException
            or Hl7.Fhir.Serialization.DeserializationFailedException or Hl7.Fhir.Utility.CodedException)
        {
            throw FhirFailures.Unreadable(e, inquiry.Payer.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Eligibility check {CheckId}: sending CoverageEligibilityRequest to payer {PayerId} ({Mode})")]
    private static partial void LogSending(ILogger logger, Guid checkId, string payerId, string mode);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Eligibility check {CheckId}: payer {PayerId} answered {Status} with {Benefits} benefit lines, "
            + "{Rejections} rejections and {Notes} parse notes")]
    private static partial void LogAnswered(
        ILogger logger, Guid checkId, string payerId, CoverageStatus status, int benefits, int rejections, int notes);
}
