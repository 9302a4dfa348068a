using System.Collections.Concurrent;
using System.Globalization;
using DentalClaimsHub.PayerSimulator.Hosting;
using DentalClaimsHub.PayerSimulator.Scenarios;

namespace DentalClaimsHub.PayerSimulator.X12;

/// <summary>CAQH CORE batch submission endpoint: <c>POST /x12/core/batch</c>; stores the file and answers with a receipt.</summary>
public sealed class CoreBatchModule(TimeProvider time, CoreCredentials credentials, ClaimLedger ledger, Func<ClaimAcknowledgements> acknowledgements)
    : ISimulatorModule
{
    public const string Path = "/x12/core/batch";

    private static readonly HashSet<string> PayloadTypes =
    [
        "X12_837_Request_005010X224A1_2",
        "X12_837_Request_005010X224A2",
        "X12_276_Request_005010X212",
        "X12_270_Request_005010X279A1",
        "X12_999_Response_005010X231A1",
    ];

    private readonly ConcurrentQueue<BatchSubmission> submissions = new();
    private readonly ConcurrentDictionary<string, string> receipts = new(StringComparer.Ordinal);

    public string Protocol => "x12";

    /// <summary>Files accepted so far, oldest first.</summary>
    public IReadOnlyList<BatchSubmission> Submissions => [.. submissions];

    public void Register(SimulatorRoutes routes, ScenarioSelector scenarios)
    {
        scenarios.Register("x12.batch.accept", isDefault: true);
        routes.Map("POST", Path, Handle);
    }

    /// <summary>Submissions that repeated a PayloadID already accepted: answered with the first receipt, not taken in again.</summary>
    public int Repeats { get; private set; }

    internal void Clear()
    {
        submissions.Clear();
        receipts.Clear();
        Repeats = 0;
    }

    private SimulatorResponse Handle(SimulatorRequest request)
    {
        var (envelope, error) = CoreRequestParser.ParseAndValidate(request, "Batch", PayloadTypes, credentials);
        if (envelope is null)
        {
            return error!;
        }

        var now = time.GetUtcNow();
        var fresh = "RCPT-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        // Like a real payer, a PayloadID seen before is a re-sent submission: same receipt, not processed twice.
        var receipt = receipts.GetOrAdd(envelope.PayloadId!, fresh);
        if (receipt == fresh)
        {
            submissions.Enqueue(new BatchSubmission(receipt, envelope.PayloadId!, envelope.PayloadType!, envelope.Payload!, now));
            if (envelope.PayloadType!.StartsWith("X12_837_", StringComparison.Ordinal))
            {
                try
                {
                    ledger.Record837(envelope.Payload!, now);
                    acknowledgements().Acknowledge(envelope.Payload!);
                }
                catch (FormatException)
                {
                    // Not an interchange at all: kept as submitted; the acknowledgement generator reports it.
                }
            }
        }
        else
        {
            Repeats++;
        }

        return CoreResponseWriter.Success(envelope, "COREEnvelopeBatchSubmissionResponse",
        [
            ("PayloadType", "X12_BatchReceiptConfirmation"),
            ("ProcessingMode", "Batch"),
            ("PayloadID", envelope.PayloadId!),
            ("TimeStamp", now.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)),
            ("SenderID", envelope.ReceiverId!),
            ("ReceiverID", envelope.SenderId!),
            ("CORERuleVersion", envelope.CoreRuleVersion!),
            ("ErrorCode", CoreErrorCodes.Success),
            ("ErrorMessage", $"Receipt {receipt}: accepted payload {envelope.PayloadId} ({envelope.Payload!.Length} characters)."),
        ]);
    }
}
