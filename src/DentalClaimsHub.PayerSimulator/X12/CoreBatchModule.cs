using System.Collections.Concurrent;
using System.Globalization;
using DentalClaimsHub.PayerSimulator.Hosting;
using DentalClaimsHub.PayerSimulator.Scenarios;

namespace DentalClaimsHub.PayerSimulator.X12;

/// <summary>CAQH CORE batch submission endpoint: <c>POST /x12/core/batch</c>; stores the file and answers with a receipt.</summary>
public sealed class CoreBatchModule(TimeProvider time, CoreCredentials credentials) : ISimulatorModule
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

    public string Protocol => "x12";

    /// <summary>Files accepted so far, oldest first.</summary>
    public IReadOnlyList<BatchSubmission> Submissions => [.. submissions];

    public void Register(SimulatorRoutes routes, ScenarioSelector scenarios)
    {
        scenarios.Register("x12.batch.accept", isDefault: true);
        routes.Map("POST", Path, Handle);
    }

    internal void Clear() => submissions.Clear();

    private SimulatorResponse Handle(SimulatorRequest request)
    {
        var (envelope, error) = CoreRequestParser.ParseAndValidate(request, "Batch", PayloadTypes, credentials);
        if (envelope is null)
        {
            return error!;
        }

        var now = time.GetUtcNow();
        var receipt = "RCPT-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        submissions.Enqueue(new BatchSubmission(receipt, envelope.PayloadId!, envelope.PayloadType!, envelope.Payload!, now));
        return CoreResponseWriter.Success(envelope, "COREEnvelopeBatchSubmissionResponse",
        [
            ("PayloadType", "X12_BatchReceiptConfirmation"),
            ("ProcessingMode", "Batch"),
            ("PayloadID", receipt),
            ("TimeStamp", now.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)),
            ("SenderID", envelope.ReceiverId!),
            ("ReceiverID", envelope.SenderId!),
            ("CORERuleVersion", envelope.CoreRuleVersion!),
            ("ErrorCode", CoreErrorCodes.Success),
            ("ErrorMessage", $"Accepted payload {envelope.PayloadId} ({envelope.Payload!.Length} characters)."),
        ]);
    }
}
