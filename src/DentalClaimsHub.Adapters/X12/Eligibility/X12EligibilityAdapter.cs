using System.Globalization;
using System.Text;
using DentalClaimsHub.Adapters.Eligibility;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Adapters.Transports;
using DentalClaimsHub.Adapters.Transports.CaqhCore;
using DentalClaimsHub.Adapters.X12.ControlNumbers;
using DentalClaimsHub.Adapters.X12.Messages;
using DentalClaimsHub.Domain.Eligibility;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.RateLimiting;

namespace DentalClaimsHub.Adapters.X12.Eligibility;

/// <summary>
/// Asks an X12 payer: builds the 270 with control numbers from the shared allocator, sends it in real time over CAQH
/// CORE connectivity (SOAP or MIME, as the payer's profile says) and reads the 271 into the canonical result. Both
/// interchanges are kept raw in the message log, linked to the check, and stored with the check's outcome. AAA rejections
/// are part of the result; an answer that cannot be read, or answers another inquiry, is a
/// <see cref="PayerResponseException"/>; an unreachable payer surfaces as the transport's exception.
/// Lives as long as the unit of work its message log belongs to.
/// </summary>
public sealed partial class X12EligibilityAdapter(
    IControlNumberAllocator controlNumbers,
    IX12MessageLog messages,
    CaqhCoreTransport transport,
    Eligibility271Reader reader,
    TimeProvider time,
    ILogger<X12EligibilityAdapter> logger) : IEligibilityAdapter
{
    /// <summary>CORE PayloadType of a real-time 270.</summary>
    public const string RequestPayloadType = "X12_270_Request_005010X279A1";

    /// <summary>CORE PayloadType of the 271 answering it.</summary>
    public const string ResponsePayloadType = "X12_271_Response_005010X279A1";

    public PayerProtocol Protocol => PayerProtocol.X12;

    public IReadOnlyList<InquiryProblem> Validate(EligibilityInquiry inquiry) => X12InquiryValidation.Problems(inquiry);

    public async Task<EligibilityResult> CheckAsync(EligibilityInquiry inquiry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inquiry);
        var payer = inquiry.Payer;
        var options = payer.X12?.Options ?? throw new InvalidOperationException($"Payer '{payer.Id}' has no X12 settings.");
        var numbers = await PreallocatedControlNumbers.AllocateAsync(controlNumbers, payer.Id, cancellationToken);
        var request = Build(inquiry, numbers);
        LogSending(logger, inquiry.Check.Id, payer.Id, numbers.Interchange);

        var answer = await SendAsync(inquiry, request, numbers, cancellationToken);
        if (!string.Equals(answer.PayloadType, ResponsePayloadType, StringComparison.Ordinal))
        {
            messages.Record(Received(inquiry, answer.PayloadType, answer.Payload) with { Unusable = true });
            throw new PayerResponseException(payer.Id,
                new PayerReason(PayerReasons.WrongPayload, [answer.PayloadType, ResponsePayloadType]));
        }

        var payload = Encoding.UTF8.GetBytes(answer.Payload);
        var report = reader.Read(payload, options, asOf: inquiry.Check.ServiceDate);
        messages.Record(Received(inquiry, "271", answer.Payload) with
        {
            Utf8Content = payload,
            Envelope = report.Envelope,
            Problems = report.Issues.Count > 0 ? report.Issues : null,
            Unusable = !report.Succeeded,
        });
        if (report.Result is not { } result)
        {
            throw new PayerResponseException(payer.Id, report.Issues.Count == 0
                ? new PayerReason(PayerReasons.X12UnusableUnexplained, [])
                : new PayerReason(PayerReasons.X12Unusable, [Summary(report.Issues)]));
        }

        CheckTrace(inquiry, report, result);
        LogAnswered(logger, inquiry.Check.Id, payer.Id, result.Status, result.Benefits.Count, result.Rejections.Count, report.Issues.Count);
        return result;
    }

    // The check records that the 270 left, with its trace number and stored message — unless the payer's pipeline
    // refused it before it was sent (open circuit, concurrency limit): then nothing crossed the border to record.
    private async Task<CoreMessage> SendAsync(
        EligibilityInquiry inquiry, string request, PreallocatedControlNumbers numbers, CancellationToken cancellationToken)
    {
        CoreMessage answer;
        try
        {
            answer = await transport.SendAsync(inquiry.Payer, RequestPayloadType, request, realTime: true, cancellationToken);
        }
        catch (Exception e) when (e is not (BrokenCircuitException or RateLimiterRejectedException))
        {
            Sent(inquiry, request, numbers); // a timeout or transport error may come after the payer got it
            throw;
        }

        Sent(inquiry, request, numbers);
        return answer;
    }

    private void Sent(EligibilityInquiry inquiry, string request, PreallocatedControlNumbers numbers)
    {
        var ids = inquiry.Payer.X12!.Identifiers;
        var requestMessageId = messages.Record(new X12MessageRecord(true, "270", request, inquiry.Payer.Id, inquiry.Check.PracticeId, inquiry.Check.Id)
        {
            Envelope = new X12EnvelopeIds(ids.SenderId, ids.ReceiverId, numbers.Interchange.ToString("D9", CultureInfo.InvariantCulture),
                numbers.Group.ToString(CultureInfo.InvariantCulture), [numbers.Transaction.ToString("D4", CultureInfo.InvariantCulture)]),
        });
        if (inquiry.Check.Status == EligibilityCheckStatus.Requested)
        {
            inquiry.Check.MarkSent(inquiry.TraceNumber, requestMessageId);
        }
    }

    private static X12MessageRecord Received(EligibilityInquiry inquiry, string transactionType, string content) =>
        new(false, transactionType, content, inquiry.Payer.Id, inquiry.Check.PracticeId, inquiry.Check.Id);

    private string Build(EligibilityInquiry inquiry, PreallocatedControlNumbers numbers)
    {
        using var buffer = new MemoryStream();
        new Eligibility270Builder(numbers, time).Write(inquiry, buffer);
        return Encoding.ASCII.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    // 005010X279A1 2000C/2000D TRN: the payer echoes our trace; an answer without it is only acceptable when the payer
    // rejected the inquiry above the subscriber level (AAA at 2100A/2100B), where no subscriber level is returned.
    private static void CheckTrace(EligibilityInquiry inquiry, Eligibility271Report report, EligibilityResult result)
    {
        if (report.TraceNumber is null && result.Rejections.Count > 0 && result.Benefits.Count == 0)
        {
            return;
        }

        if (!string.Equals(report.TraceNumber, inquiry.TraceNumber, StringComparison.OrdinalIgnoreCase))
        {
            throw new PayerResponseException(inquiry.Payer.Id, report.TraceNumber is null
                ? new PayerReason(PayerReasons.NoTrace, [])
                : new PayerReason(PayerReasons.OtherTrace, [report.TraceNumber, inquiry.TraceNumber]));
        }
    }

    private static string Summary(IReadOnlyList<string> issues) =>
        issues.Count <= 3 ? string.Join(" ", issues)
        : $"{string.Join(" ", issues.Take(3))} (and {issues.Count - 3} more)";

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Eligibility check {CheckId}: sending 270 to payer {PayerId} (ISA13 {ControlNumber})")]
    private static partial void LogSending(ILogger logger, Guid checkId, string payerId, long controlNumber);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Eligibility check {CheckId}: payer {PayerId} answered {Status} with {Benefits} benefit lines, "
            + "{Rejections} rejections, {Notes} reader notes")]
    private static partial void LogAnswered(
        ILogger logger, Guid checkId, string payerId, CoverageStatus status, int benefits, int rejections, int notes);
}
