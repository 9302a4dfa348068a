using System.Net;
using DentalClaimsHub.Adapters.Claims.Status;
using DentalClaimsHub.Adapters.Fhir.Messages;
using DentalClaimsHub.Adapters.Fhir.Transport;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Adapters.Transports.Resilience;
using DentalClaimsHub.Domain.Claims.Status;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Hl7.Fhir.Serialization;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;
using FhirTask = Hl7.Fhir.Model.Task;

namespace DentalClaimsHub.Adapters.Fhir.ClaimStatus;

/// <summary>
/// Asks a FHIR payer where a claim stands with an R4 status <c>Task</c> (<see cref="FhirStatusTaskBuilder"/>) POSTed to
/// <c>{baseUrl}/Task</c> through the payer's resilience pipeline. A completed Task points at the ClaimResponse in its
/// <c>output</c> (contained, or a reference on the payer's server that is then read) or states its outcome code; a 202 or a
/// Task still in progress means "ask again later"; an OperationOutcome <c>not-found</c> means the payer has no such claim.
/// Every body exchanged is kept raw in the message log, linked to the claim. Failures become results; only cancellation
/// throws. Lives as long as the unit of work its message log belongs to.
/// </summary>
public sealed partial class FhirClaimStatusAdapter(
    IHttpMessageHandlerFactory handlers,
    IFhirMessageLog messages,
    TimeProvider time,
    ILogger<FhirClaimStatusAdapter> logger) : IClaimStatusAdapter
{
    // Lazy: building it loads the FHIR model, which a host that only asks X12 payers (it gets this adapter too) never needs.
    private static readonly Lazy<FhirJsonDeserializer> Reader =
        new(() => new FhirJsonDeserializer(new DeserializerSettings().UsingMode(DeserializationMode.Recoverable)));
    private readonly FhirPayerClients _clients = new(handlers);
    private readonly FhirStatusTaskBuilder _builder = new(time);

    public PayerProtocol Protocol => PayerProtocol.Fhir;

    /// <exception cref="InvalidOperationException">The payer's profile has no FHIR base URL (a configuration bug).</exception>
    public async Task<ClaimStatusResult> CheckAsync(ClaimStatusInquiry inquiry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inquiry);
        var payer = inquiry.Payer;
        if (payer.Fhir is null)
        {
            throw new InvalidOperationException($"Payer '{payer.Id}' has no FHIR settings for claim status.");
        }

        LogSending(logger, inquiry.Query.ClaimId, payer.Id);
        var recorder = new FhirExchangeRecorder();
        var sent = true;
        ClaimStatusResult result;
        try
        {
            using var client = _clients.Create(payer, idempotent: true, PayerOperations.ClaimStatus, recorder);
            (result, sent) = await ExchangeAsync(client, recorder, inquiry, cancellationToken);
        }
        finally
        {
            if (sent)
            {
                Record(inquiry, recorder.Exchanges);
            }
        }

        LogAnswered(logger, inquiry.Query.ClaimId, payer.Id, result.Outcome, result.Failure?.Kind.ToString() ?? "none", result.Problems.Count);
        return result;
    }

    // The Task is recorded as sent unless the payer's pipeline refused it before it left (open circuit, concurrency limit).
    private async Task<(ClaimStatusResult Result, bool Sent)> ExchangeAsync(
        FhirClient client, FhirExchangeRecorder recorder, ClaimStatusInquiry inquiry, CancellationToken cancellationToken)
    {
        var query = inquiry.Query;
        ClaimStatusResult Failed(ClaimStatusFailureKind kind, string message) =>
            ClaimStatusResult.Failed(kind, message, query.PatientControlNumber, query.TraceNumber);

        try
        {
            var answer = await client.CreateAsync<Resource>(_builder.Build(inquiry), cancellationToken);
            return (await ReadAsync(client, inquiry, answer, cancellationToken), true);
        }
        catch (BrokenCircuitException)
        {
            return (Failed(ClaimStatusFailureKind.Unreachable, "The payer's circuit is open after repeated failures; not sent."), false);
        }
        catch (RateLimiterRejectedException)
        {
            return (Failed(ClaimStatusFailureKind.Unreachable, "Too many requests to the payer are in flight; not sent."), false);
        }
        catch (Exception e) when (e is TimeoutRejectedException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (Failed(ClaimStatusFailureKind.TimedOut, "The payer did not answer the status Task in time."), true);
        }
        catch (HttpRequestException e)
        {
            var reason = e.StatusCode is { } status ? $"HTTP {(int)status}" : e.HttpRequestError.ToString();
            return (Failed(ClaimStatusFailureKind.Unreachable, $"The payer could not be reached: {reason}."), true);
        }
        catch (FhirOperationException e) when (e.Status == HttpStatusCode.Accepted)
        {
            // The SDK treats 202 as a failure; for a Task it means "taken, answer later", with the Task (if any) in the body.
            var status = recorder.Exchanges.LastOrDefault()?.ResponseBody is { Length: > 0 } body
                && Reader.Value.TryDeserializeResource(System.Text.Encoding.UTF8.GetString(body), out var resource, out _)
                && resource is FhirTask { Status: { } taskStatus }
                    ? Words(taskStatus)
                    : "accepted";
            return (FhirClaimStatusMapping.NotYet(query, status), true);
        }
        catch (FhirOperationException e)
        {
            return (FromError(e, query), true);
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException
            or Hl7.Fhir.Serialization.DeserializationFailedException or Hl7.Fhir.Utility.CodedException)
        {
            return (Failed(ClaimStatusFailureKind.Unusable, $"The payer's answer is not readable FHIR JSON ({e.GetType().Name})."), true);
        }
    }

    private static async Task<ClaimStatusResult> ReadAsync(
        FhirClient client, ClaimStatusInquiry inquiry, Resource? answer, CancellationToken cancellationToken)
    {
        var query = inquiry.Query;
        switch (answer)
        {
            case null:
                return FhirClaimStatusMapping.NotYet(query, "accepted");
            case ClaimResponse response:
                return FhirClaimStatusMapping.FromClaimResponse(response, query);
            case OperationOutcome outcome:
                return IsNotFound(outcome)
                    ? FhirClaimStatusMapping.NotFound(query, FhirFailures.Describe(outcome))
                    : ClaimStatusResult.Failed(ClaimStatusFailureKind.Rejected,
                        $"The payer answered the status Task with an OperationOutcome: {FhirFailures.Describe(outcome) ?? "no reason given"}.",
                        query.PatientControlNumber, query.TraceNumber);
            case FhirTask task:
                return await FromTaskAsync(client, task, query, cancellationToken);
            default:
                return ClaimStatusResult.Failed(ClaimStatusFailureKind.Unusable,
                    $"Expected a Task or ClaimResponse from the FHIR payer, got {answer.TypeName}.", query.PatientControlNumber, query.TraceNumber);
        }
    }

    private static async Task<ClaimStatusResult> FromTaskAsync(
        FhirClient client, FhirTask task, ClaimStatusQuery query, CancellationToken cancellationToken)
    {
        var focus = task.Focus?.Identifier?.Value;
        var trace = task.Identifier.FirstOrDefault(i => i.System == FhirStatusTaskBuilder.InquirySystem)?.Value ?? query.TraceNumber;
        if (focus is { Length: > 0 } && !string.Equals(focus, query.PatientControlNumber, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(trace, query.TraceNumber, StringComparison.OrdinalIgnoreCase))
        {
            return ClaimStatusResult.Failed(ClaimStatusFailureKind.Unusable,
                "The payer's Task answers another inquiry (its focus or identifier is not this claim's).", query.PatientControlNumber,
                query.TraceNumber);
        }

        var reason = task.StatusReason?.Text ?? task.StatusReason?.Coding.FirstOrDefault()?.Display;
        switch (task.Status)
        {
            case FhirTask.TaskStatus.Completed:
                break;
            case FhirTask.TaskStatus.Rejected when task.StatusReason?.Coding.Any(c => c.Code == "not-found") == true:
                return FhirClaimStatusMapping.NotFound(query, reason);
            case FhirTask.TaskStatus.Rejected or FhirTask.TaskStatus.Cancelled or FhirTask.TaskStatus.EnteredInError:
                return ClaimStatusResult.Failed(ClaimStatusFailureKind.Rejected,
                    $"The payer {Words(task.Status)} the status Task{(reason is null ? "." : ": " + reason)}", query.PatientControlNumber, trace);
            case FhirTask.TaskStatus.Failed:
                return ClaimStatusResult.Failed(ClaimStatusFailureKind.Unreachable,
                    $"The payer could not complete the status Task{(reason is null ? "." : ": " + reason)}", query.PatientControlNumber, trace);
            default:
                return FhirClaimStatusMapping.NotYet(query, Words(task.Status), trace);
        }

        foreach (var output in task.Output)
        {
            switch (output.Value)
            {
                case ResourceReference { Reference: { Length: > 1 } contained } when contained.StartsWith('#'):
                    if (task.Contained.OfType<ClaimResponse>().FirstOrDefault(c => "#" + c.Id == contained) is { } inside)
                    {
                        return FhirClaimStatusMapping.FromClaimResponse(inside, query, trace);
                    }

                    break;
                case ResourceReference { Reference: { Length: > 0 } reference } when IsClaimResponse(reference):
                    var location = new Uri(client.Endpoint, reference);
                    if (!client.Endpoint.IsBaseOf(location))
                    {
                        return ClaimStatusResult.Failed(ClaimStatusFailureKind.Unusable,
                            "The payer's Task points at a ClaimResponse outside its own FHIR server; not followed.", query.PatientControlNumber, trace);
                    }

                    var read = await client.ReadAsync<ClaimResponse>(location, ct: cancellationToken);
                    return read is null
                        ? ClaimStatusResult.Failed(ClaimStatusFailureKind.Unusable, "The payer's ClaimResponse could not be read.",
                            query.PatientControlNumber, trace)
                        : FhirClaimStatusMapping.FromClaimResponse(read, query, trace);
                case Code { Value: { Length: > 0 } code }:
                    return FhirClaimStatusMapping.FromOutcomeCode(code, query, trace);
            }
        }

        return ClaimStatusResult.Failed(ClaimStatusFailureKind.Unusable,
            "The payer completed the status Task without a ClaimResponse or outcome in its output.", query.PatientControlNumber, trace);
    }

    private static ClaimStatusResult FromError(FhirOperationException e, ClaimStatusQuery query)
    {
        if (IsNotFound(e.Outcome))
        {
            return FhirClaimStatusMapping.NotFound(query, FhirFailures.Describe(e.Outcome));
        }

        var status = (int)e.Status;
        var why = FhirFailures.Describe(e.Outcome) is { } text ? $": {text}" : " without an OperationOutcome";
        var kind = status >= 500 || e.Status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            ? ClaimStatusFailureKind.Unreachable
            : status is >= 200 and < 300 ? ClaimStatusFailureKind.Unusable
            : ClaimStatusFailureKind.Rejected;
        return ClaimStatusResult.Failed(kind, $"The FHIR payer answered the status Task with HTTP {status}{why}.",
            query.PatientControlNumber, query.TraceNumber);
    }

    private static bool IsNotFound(OperationOutcome? outcome) =>
        outcome?.Issue.Any(i => i.Code == OperationOutcome.IssueType.NotFound && i.Severity is OperationOutcome.IssueSeverity.Error
            or OperationOutcome.IssueSeverity.Fatal) == true;

    private static bool IsClaimResponse(string reference) =>
        reference.StartsWith("ClaimResponse/", StringComparison.Ordinal) || reference.Contains("/ClaimResponse/", StringComparison.Ordinal);

    private static string Words(FhirTask.TaskStatus? status) => status switch
    {
        FhirTask.TaskStatus.EnteredInError => "entered-in-error",
        FhirTask.TaskStatus.InProgress => "in-progress",
        FhirTask.TaskStatus.OnHold => "on-hold",
        null => "without a status",
        var s => s.Value.ToString().ToLowerInvariant(),
    };

    private void Record(ClaimStatusInquiry inquiry, IReadOnlyList<FhirExchange> exchanges)
    {
        var query = inquiry.Query;
        foreach (var exchange in exchanges)
        {
            if (exchange.RequestBody.Length > 0)
            {
                messages.Record(new FhirMessageRecord(true, ResourceTypeOf(exchange.RequestBody) ?? "Task", exchange.RequestBody,
                    inquiry.Payer.Id, inquiry.PracticeId, query.ClaimId) { ControlNumbers = [query.PatientControlNumber] });
            }

            if (exchange.ResponseBody.Length > 0)
            {
                var type = ResourceTypeOf(exchange.ResponseBody);
                var success = exchange.Status is { } status && (int)status is >= 200 and < 300;
                messages.Record(new FhirMessageRecord(false, type ?? "unreadable", exchange.ResponseBody, inquiry.Payer.Id, inquiry.PracticeId,
                    query.ClaimId)
                {
                    ControlNumbers = [query.PatientControlNumber],
                    // An OperationOutcome is a readable answer (not-found, a refusal) even on an error status.
                    Unusable = type is null || !success && type != "OperationOutcome",
                    Problems = type is null ? ["Not a FHIR JSON resource."] : null,
                });
            }
        }
    }

    private static string? ResourceTypeOf(byte[] body)
    {
        try
        {
            var reader = new System.Text.Json.Utf8JsonReader(body);
            using var document = System.Text.Json.JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && document.RootElement.TryGetProperty("resourceType", out var type) && type.GetString() is { Length: > 0 and <= 64 } name
                ? name
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Claim {ClaimId}: sending status Task to FHIR payer {PayerId}")]
    private static partial void LogSending(ILogger logger, Guid claimId, string payerId);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Claim {ClaimId}: FHIR payer {PayerId} status {Outcome} (failure {Failure}, {Problems} reader notes)")]
    private static partial void LogAnswered(
        ILogger logger, Guid claimId, string payerId, ClaimStatusOutcome outcome, string failure, int problems);
}
