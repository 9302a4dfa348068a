using System.Globalization;
using DentalClaimsHub.PayerSimulator.Hosting;
using DentalClaimsHub.PayerSimulator.Scenarios;

namespace DentalClaimsHub.PayerSimulator.X12;

/// <summary>CAQH CORE real-time endpoint: <c>POST /x12/core/realtime</c> with a SOAP 1.2 or MIME envelope.</summary>
public sealed class CoreRealtimeModule(TimeProvider time, CoreCredentials credentials) : ISimulatorModule
{
    public const string Path = "/x12/core/realtime";
    public const string EligibilityActive = "x12.eligibility.active";
    public const string EligibilityInactive = "x12.eligibility.inactive";
    private const string Request270 = "X12_270_Request_005010X279A1";
    private const string Response271 = "X12_271_Response_005010X279A1";

    private static readonly HashSet<string> PayloadTypes = [Request270];

    public string Protocol => "x12";

    public void Register(SimulatorRoutes routes, ScenarioSelector scenarios)
    {
        scenarios.Register(EligibilityActive, isDefault: true);
        scenarios.Register(EligibilityInactive);
        routes.Map("POST", Path, request => Handle(request, scenarios));
    }

    private SimulatorResponse Handle(SimulatorRequest request, ScenarioSelector scenarios)
    {
        var (envelope, error) = CoreRequestParser.ParseAndValidate(request, "RealTime", PayloadTypes, credentials);
        if (envelope is null)
        {
            return error!;
        }

        Eligibility270 inquiry;
        try
        {
            inquiry = Eligibility270.From(X12Message.Parse(envelope.Payload!));
        }
        catch (FormatException exception)
        {
            // CORE: an envelope that is fine but carries an unusable payload is answered in-envelope, not as a fault.
            return Respond(envelope, Response271, string.Empty, "PayloadIllegal", exception.Message);
        }

        var scenario = scenarios.Select("x12.eligibility", inquiry.MemberId);
        var now = time.GetUtcNow();
        var payload = Eligibility271Template.Build(inquiry, active: scenario != EligibilityInactive, now);
        return Respond(envelope, Response271, payload, CoreErrorCodes.Success, "None");
    }

    private SimulatorResponse Respond(CoreEnvelope request, string payloadType, string payload, string code, string message) =>
        CoreResponseWriter.Success(request, "COREEnvelopeRealTimeResponse",
        [
            ("PayloadType", payloadType),
            ("ProcessingMode", "RealTime"),
            ("PayloadID", request.PayloadId!),
            ("TimeStamp", time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)),
            ("SenderID", request.ReceiverId!),
            ("ReceiverID", request.SenderId!),
            ("CORERuleVersion", request.CoreRuleVersion!),
            ("Payload", payload),
            ("ErrorCode", code),
            ("ErrorMessage", message),
        ]);
}
