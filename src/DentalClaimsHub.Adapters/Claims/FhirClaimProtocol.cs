using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DentalClaimsHub.Adapters.Fhir.Claims;
using DentalClaimsHub.Adapters.Fhir.Transport;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Adapters.Transports;
using DentalClaimsHub.Adapters.Transports.Resilience;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace DentalClaimsHub.Adapters.Claims;

/// <summary>
/// Claims to FHIR payers: a <c>Claim</c> created with a conditional create on our patient control number
/// (<c>If-None-Exist</c>), or a Bundle posted to <c>Claim/$submit</c> when the profile says so (explicitly to that URL —
/// the SDK's type operation would post elsewhere). The stored JSON is what is resent; the payer's conditional create,
/// or its duplicate check on the claim identifier for $submit, turns a resend into the same answer.
/// </summary>
public sealed class FhirClaimProtocol(IHttpClientFactory clients, TimeProvider time) : IClaimProtocol
{
    private const string FhirJson = "application/fhir+json";

    private static readonly FhirJsonDeserializer Reader = new(new DeserializerSettings().UsingMode(DeserializationMode.Recoverable));

    public PayerProtocol Protocol => PayerProtocol.Fhir;

    public Task<ClaimTransmission> BuildAsync(IReadOnlyList<ClaimSubmission> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count != 1)
        {
            throw new ArgumentException("A FHIR claim travels alone: one Claim or one $submit Bundle per request.", nameof(batch));
        }

        var submission = batch[0];
        var builder = new FhirClaimBuilder(time);
        Resource resource;
        try
        {
            resource = submission.Payer.Fhir?.UseSubmitOperations == true ? builder.BuildSubmitBundle(submission) : builder.Build(submission);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or Domain.DomainException)
        {
            throw new ClaimBuildException(new Domain.Claims.TimelineReason($"The claim cannot be expressed as a FHIR Claim: {ex.Message}",
                Domain.Claims.TimelineReasonCodes.FhirUnbuildable, [ex.Message]), ex, submission.Claim.Id);
        }

        var json = FhirClaimBuilder.ToJson(resource);
        return System.Threading.Tasks.Task.FromResult(new ClaimTransmission(resource.TypeName, FhirJson, Encoding.UTF8.GetBytes(json),
            SenderId: "dentalclaimshub", ReceiverId: submission.Payer.Id,
            TransactionControlNumbers: [submission.Claim.PatientControlNumber]));
    }

    public async Task<ClaimReceipt> SendAsync(PayerProfile payer, ClaimTransmission content, string payloadId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payer);
        ArgumentNullException.ThrowIfNull(content);
        var baseUrl = payer.Fhir?.BaseUrl ?? throw new InvalidOperationException($"Payer '{payer.Id}' has no fhir.baseUrl.");
        var root = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl.AbsoluteUri : baseUrl.AbsoluteUri + "/";
        var submit = content.TransactionType == "Bundle";
        var payload = new ByteArrayContent(content.Content);
        payload.Headers.ContentType = new MediaTypeHeaderValue(FhirJson) { CharSet = "utf-8" };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(root + (submit ? "Claim/$submit" : "Claim")))
        {
            Content = payload,
        }.ForPayer(payer.Id, idempotent: false, PayerOperations.ClaimSubmission);
        request.Headers.Accept.ParseAdd(FhirJson);
        request.Headers.Add("X-Request-Id", payloadId);
        if (!submit && content.TransactionControlNumbers is [var controlNumber, ..])
        {
            request.Headers.Add("If-None-Exist", $"identifier={Uri.EscapeDataString(FhirClaimSystems.PatientControlNumber)}|{Uri.EscapeDataString(controlNumber)}");
        }

        using var response = await clients.CreateClient(PayerHttp.ClientName).SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var resource = Parse(body);
        if (!response.IsSuccessStatusCode)
        {
            var detail = FhirFailures.Describe(resource as OperationOutcome) ?? $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
            throw response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity or HttpStatusCode.Conflict
                ? new PayerResponseException(payer.Id, $"Payer '{payer.Id}' refused the claim: {detail}")
                : new HttpRequestException($"Payer '{payer.Id}' answered {detail}", null, response.StatusCode);
        }

        var receipt = resource?.Id ?? response.Headers.Location?.ToString();
        Dictionary<string, string>? numbers = null;
        if (resource is ClaimResponse answer && content.TransactionControlNumbers is [var pcn, ..]
            && answer.Identifier.FirstOrDefault(i => !string.IsNullOrEmpty(i.Value))?.Value is { } payerNumber)
        {
            numbers = new Dictionary<string, string>(StringComparer.Ordinal) { [pcn] = payerNumber };
        }

        return new ClaimReceipt(receipt, numbers, body.Length > 0 ? body : null, PlanDecisionOf(resource as ClaimResponse));
    }

    // A predetermination answered at once: outcome complete, a pre-authorisation reference and a benefit amount per item.
    public static PlanDecision? PlanDecisionOf(ClaimResponse? answer)
    {
        if (answer is null || answer.Use != ClaimUseCode.Predetermination && answer.Use != ClaimUseCode.Preauthorization
            || answer.Outcome != ClaimProcessingCodes.Complete || answer.Item.Count == 0)
        {
            return null;
        }

        var lines = answer.Item
            .Where(i => i.ItemSequence is > 0)
            .Select(i => new PlanLineDecision(i.ItemSequence!.Value,
                i.Adjudication.FirstOrDefault(a => a.Category?.Coding.Any(c => c.Code == "benefit") == true)?.Amount?.Value,
                i.Adjudication.FirstOrDefault(a => a.Reason is not null)?.Reason?.Text))
            .ToList();
        return new PlanDecision(answer.PreAuthRef, lines, answer.Disposition);
    }

    private static Resource? Parse(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        Reader.TryDeserializeResource(Encoding.UTF8.GetString(body), out var resource, out _);
        return resource;
    }
}
