using System.Globalization;
using System.Text;
using DentalClaimsHub.Adapters.Claims.Status;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Adapters.Transports;
using DentalClaimsHub.Adapters.Transports.CaqhCore;
using DentalClaimsHub.Adapters.X12.ControlNumbers;
using DentalClaimsHub.Adapters.X12.Messages;
using DentalClaimsHub.Domain.Claims.Status;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace DentalClaimsHub.Adapters.X12.ClaimStatus;

/// <summary>
/// Asks an X12 payer where a claim stands: builds the 276 with control numbers from the shared allocator, sends it in
/// real time over CAQH CORE connectivity through the payer's resilience pipeline and reads the 277. Both interchanges are
/// kept raw in the message log, linked to the claim. A payer that cannot be reached, times out, answers with a TA1 or 999
/// or with an unusable 277 yields a result whose <see cref="ClaimStatusResult.Failure"/> says so; only cancellation throws.
/// Lives as long as the unit of work its message log belongs to.
/// </summary>
public sealed partial class X12ClaimStatusAdapter(
    IControlNumberAllocator controlNumbers,
    IX12MessageLog messages,
    CaqhCoreTransport transport,
    ClaimStatus277Reader reader,
    TimeProvider time,
    ILogger<X12ClaimStatusAdapter> logger) : IClaimStatusAdapter
{
    /// <summary>CORE PayloadType of a real-time 276.</summary>
    public const string RequestPayloadType = "X12_276_Request_005010X212";

    /// <summary>CORE PayloadType of the 277 answering it.</summary>
    public const string ResponsePayloadType = "X12_277_Response_005010X212";

    public PayerProtocol Protocol => PayerProtocol.X12;

    /// <exception cref="InvalidOperationException">The payer's profile has no X12 or CORE settings (a configuration bug).</exception>
    public async Task<ClaimStatusResult> CheckAsync(ClaimStatusInquiry inquiry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inquiry);
        var payer = inquiry.Payer;
        var query = inquiry.Query;
        if (payer.X12 is null || payer.Core?.RealtimeUrl is null)
        {
            throw new InvalidOperationException($"Payer '{payer.Id}' has no X12 settings or CORE real-time URL for claim status.");
        }

        var numbers = await PreallocatedControlNumbers.AllocateAsync(controlNumbers, payer.Id, cancellationToken);
        var request = Build(inquiry, numbers);
        LogSending(logger, query.ClaimId, payer.Id, numbers.Interchange);

        var (answer, failure) = await SendAsync(inquiry, request, numbers, cancellationToken);
        var result = answer is null ? failure! : Read(inquiry, answer);
        LogAnswered(logger, query.ClaimId, payer.Id, result.Outcome, result.Failure?.Kind.ToString() ?? "none", result.Problems.Count);
        return result;
    }

    // The 276 is recorded as sent unless the payer's pipeline refused it before it left (open circuit, concurrency limit).
    private async Task<(CoreMessage? Answer, ClaimStatusResult? Failure)> SendAsync(
        ClaimStatusInquiry inquiry, string request, PreallocatedControlNumbers numbers, CancellationToken cancellationToken)
    {
        var query = inquiry.Query;
        ClaimStatusResult Failed(ClaimStatusFailureKind kind, string message) =>
            ClaimStatusResult.Failed(kind, message, query.PatientControlNumber, query.TraceNumber);

        try
        {
            var answer = await transport.SendAsync(inquiry.Payer, RequestPayloadType, request, realTime: true, cancellationToken);
            Sent(inquiry, request, numbers);
            return (answer, null);
        }
        catch (BrokenCircuitException)
        {
            return (null, Failed(ClaimStatusFailureKind.Unreachable, "The payer's circuit is open after repeated failures; not sent."));
        }
        catch (RateLimiterRejectedException)
        {
            return (null, Failed(ClaimStatusFailureKind.Unreachable, "Too many requests to the payer are in flight; not sent."));
        }
        catch (Exception e) when (e is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            Sent(inquiry, request, numbers); // it may have reached the payer
            throw;
        }
        catch (Exception e) when (e is TimeoutRejectedException or OperationCanceledException)
        {
            Sent(inquiry, request, numbers);
            return (null, Failed(ClaimStatusFailureKind.TimedOut, "The payer did not answer the 276 in time."));
        }
        catch (HttpRequestException e)
        {
            Sent(inquiry, request, numbers);
            var reason = e.StatusCode is { } status ? $"HTTP {(int)status}" : e.HttpRequestError.ToString();
            return (null, Failed(ClaimStatusFailureKind.Unreachable, $"The payer could not be reached: {reason}."));
        }
        catch (CoreTransportException e)
        {
            Sent(inquiry, request, numbers);
            // A SOAP receiver fault or a bare HTTP error is the payer failing; any other CORE error code refuses our request.
            var payerSide = e.CoreErrorCode is null || e.CoreErrorCode.EndsWith("Receiver", StringComparison.OrdinalIgnoreCase);
            return (null, Failed(payerSide ? ClaimStatusFailureKind.Unreachable : ClaimStatusFailureKind.Rejected, e.Message));
        }
        catch (PayerResponseException e)
        {
            Sent(inquiry, request, numbers);
            return (null, Failed(ClaimStatusFailureKind.Unusable, e.Message));
        }
    }

    private ClaimStatusResult Read(ClaimStatusInquiry inquiry, CoreMessage answer)
    {
        var query = inquiry.Query;
        var report = reader.Read(Encoding.UTF8.GetBytes(answer.Payload));
        var received = report.AcknowledgementType ?? "277";
        messages.Record(new X12MessageRecord(false, received, answer.Payload, inquiry.Payer.Id, inquiry.PracticeId, query.ClaimId)
        {
            Envelope = report.Envelope,
            Problems = report.Problems.Count > 0 ? report.Problems : null,
            Unusable = !report.Succeeded,
        });

        ClaimStatusResult Failed(ClaimStatusFailureKind kind, string message) =>
            ClaimStatusResult.Failed(kind, message, query.PatientControlNumber, query.TraceNumber) with { Problems = report.Problems };

        if (report.Acknowledgement is { } acknowledgement)
        {
            return Failed(ClaimStatusFailureKind.Rejected, $"The payer answered the 276 with {acknowledgement} instead of a 277.");
        }

        if (!report.Succeeded)
        {
            var kind = string.Equals(answer.PayloadType, ResponsePayloadType, StringComparison.Ordinal)
                ? "277"
                : $"'{answer.PayloadType}' payload";
            return Failed(ClaimStatusFailureKind.Unusable, $"The payer's {kind} could not be used: {Summary(report.Problems)}");
        }

        // 005010X212 2200D/2200E TRN*2 echoes our TRN*1; a payer that drops it may still echo the PCN in REF*EJ.
        var claim = report.Claims.FirstOrDefault(c => string.Equals(c.TraceNumber, query.TraceNumber, StringComparison.OrdinalIgnoreCase))
            ?? report.Claims.FirstOrDefault(c => c.TraceNumber is null
                && string.Equals(c.PatientControlNumber, query.PatientControlNumber, StringComparison.OrdinalIgnoreCase));
        return claim ?? Failed(ClaimStatusFailureKind.Unusable,
            $"The payer's 277 reports on {report.Claims.Count} claim(s), none with this inquiry's trace number.");
    }

    private void Sent(ClaimStatusInquiry inquiry, string request, PreallocatedControlNumbers numbers)
    {
        var ids = inquiry.Payer.X12!.Identifiers;
        messages.Record(new X12MessageRecord(true, "276", request, inquiry.Payer.Id, inquiry.PracticeId, inquiry.Query.ClaimId)
        {
            Envelope = new X12EnvelopeIds(ids.SenderId, ids.ReceiverId, numbers.Interchange.ToString("D9", CultureInfo.InvariantCulture),
                numbers.Group.ToString(CultureInfo.InvariantCulture), [numbers.Transaction.ToString("D4", CultureInfo.InvariantCulture)]),
        });
    }

    private string Build(ClaimStatusInquiry inquiry, PreallocatedControlNumbers numbers)
    {
        using var buffer = new MemoryStream();
        new ClaimStatus276Builder(numbers, time).Write(inquiry, buffer);
        return Encoding.ASCII.GetString(buffer.ToArray());
    }

    private static string Summary(IReadOnlyList<string> problems) =>
        problems.Count == 0 ? "no reason given."
        : problems.Count <= 3 ? string.Join(" ", problems)
        : $"{string.Join(" ", problems.Take(3))} (and {problems.Count - 3} more)";

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Claim {ClaimId}: sending 276 to payer {PayerId} (ISA13 {ControlNumber})")]
    private static partial void LogSending(ILogger logger, Guid claimId, string payerId, long controlNumber);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Claim {ClaimId}: payer {PayerId} status {Outcome} (failure {Failure}, {Problems} reader notes)")]
    private static partial void LogAnswered(
        ILogger logger, Guid claimId, string payerId, ClaimStatusOutcome outcome, string failure, int problems);
}
