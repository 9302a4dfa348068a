using System.Net;
using System.Net.Sockets;
using DentalClaimsHub.PayerSimulator.Dms;
using DentalClaimsHub.PayerSimulator.Fhir;
using DentalClaimsHub.PayerSimulator.Hosting;
using DentalClaimsHub.PayerSimulator.Scenarios;
using DentalClaimsHub.PayerSimulator.X12;
using WireMock.Logging;
using WireMock.Server;
using WireMock.Settings;

namespace DentalClaimsHub.PayerSimulator;

/// <summary>
/// Simulated insurers on one HTTP port (WireMock.Net): CAQH CORE X12, FHIR R4 and ДМС file drops, with scenario
/// selection and a record of every request. Used by the demo (<c>Program</c>) and in-process by tests.
/// </summary>
public sealed class PayerSimulator : IDisposable, IAsyncDisposable
{
    private readonly WireMockServer server;

    private PayerSimulator(WireMockServer server, string url, TimeProvider time)
    {
        this.server = server;
        Url = url.TrimEnd('/');
        Routes = new SimulatorRoutes(server, time);
        CoreRealtime = new CoreRealtimeModule(time, CoreCredentials, Ledger);
        Remittances = new PayerRemittances(time, Scenarios);
        PayerRemittances.Register(Scenarios);
        Acknowledgements = new ClaimAcknowledgements(time, Scenarios, Remittances);
        ClaimAcknowledgements.Register(Scenarios);
        CoreBatch = new CoreBatchModule(time, CoreCredentials, Ledger, () => Acknowledgements);
        Fhir = new FhirModule(time);
        FhirClaims = new FhirClaimModule(time, Ledger);
        Dms = new DmsModule(time, Ledger);
        Modules = [CoreRealtime, CoreBatch, Fhir, FhirClaims, Dms];
        foreach (var module in Modules)
        {
            module.Register(Routes, Scenarios);
        }

        Routes.Map("GET", "/__health", _ => SimulatorResponse.Text(200, "text/plain; charset=utf-8", "Healthy"));
        Routes.Map("GET", LedgerPath, _ => SimulatorResponse.Json(200, Ledger.ToJson()));
        Routes.Map("GET", ClaimAcknowledgements.Path, request => SimulatorResponse.Json(200, Acknowledgements.ToJson(
            request.Query.TryGetValue("after", out var after) && long.TryParse(after, out var id) ? id : 0)));
        Remittances.Map(Routes);
        Routes.Map("DELETE", LedgerPath, _ =>
        {
            Ledger.Clear();
        FhirClaims.Clear();
        Acknowledgements.Clear();
            return SimulatorResponse.Text(204, "text/plain; charset=utf-8", "");
        });
    }

    /// <summary>Where the claims ledger is read (GET) and cleared (DELETE) over HTTP, for scripted proofs.</summary>
    public const string LedgerPath = "/_sim/claims";

    /// <summary>The payer's adjudication: 835s for the claims it accepted.</summary>
    public PayerRemittances Remittances { get; }

    /// <summary>999s and 277CAs produced for received 837s, waiting for pickup.</summary>
    public ClaimAcknowledgements Acknowledgements { get; }

    /// <summary>Every claim received over any protocol, counted per control number and frequency.</summary>
    public ClaimLedger Ledger { get; } = new();

    /// <summary>Base URL as requested, without a trailing slash, e.g. <c>http://127.0.0.1:5090</c>.</summary>
    public string Url { get; }

    /// <summary>The underlying WireMock server, for tests that stub something the modules do not cover.</summary>
    public WireMockServer Server => server;

    /// <summary>Every scenario module, in registration order.</summary>
    public IReadOnlyList<ISimulatorModule> Modules { get; }

    /// <summary>Scenario selection shared by all modules.</summary>
    public ScenarioSelector Scenarios { get; } = new();

    /// <summary>The logins the CORE endpoints accept (any non-empty pair unless restricted).</summary>
    public CoreCredentials CoreCredentials { get; } = new();

    /// <summary>Route table and request record.</summary>
    public SimulatorRoutes Routes { get; }

    public CoreRealtimeModule CoreRealtime { get; }

    public CoreBatchModule CoreBatch { get; }

    public FhirModule Fhir { get; }

    public FhirClaimModule FhirClaims { get; }

    public DmsModule Dms { get; }

    /// <summary>Starts on <c>http://127.0.0.1:{port}</c>; port 0 picks a free one.</summary>
    public static PayerSimulator Start(int port = 0, TimeProvider? time = null) =>
        Start($"http://127.0.0.1:{(port == 0 ? FreeLoopbackPort() : port)}", time);

    /// <summary>Starts on <paramref name="url"/> (e.g. <c>http://0.0.0.0:5090</c> in a container).</summary>
    public static PayerSimulator Start(string url, TimeProvider? time = null, int? maxRecordedRequests = null)
    {
        var server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = [url],
            StartAdminInterface = false,
            Logger = new WireMockNullLogger(),
            MaxRequestLogCount = maxRecordedRequests ?? 1000,
        });
        return new PayerSimulator(server, url, time ?? TimeProvider.System);
    }

    /// <summary>Requests received on <paramref name="path"/>, oldest first.</summary>
    public IReadOnlyList<ReceivedRequest> Received(string path) => Routes.Received(path);

    /// <summary>Plays <paramref name="scenario"/> (e.g. <c>x12.eligibility.inactive</c>) from now on.</summary>
    public void Use(string scenario) => Scenarios.Use(scenario);

    /// <summary>Plays <paramref name="scenario"/> for members whose id starts with <paramref name="memberIdPrefix"/>.</summary>
    public void UseForMemberPrefix(string memberIdPrefix, string scenario) => Scenarios.UseForMemberPrefix(memberIdPrefix, scenario);

    /// <summary>Forgets received requests, stored files and scenario choices.</summary>
    public void Reset()
    {
        Routes.Clear();
        CoreBatch.Clear();
        Ledger.Clear();
        FhirClaims.Clear();
        Acknowledgements.Clear();
        Remittances.Clear();
        Dms.Clear();
        Scenarios.Reset();
        CoreCredentials.AcceptAny();
        server.ResetLogEntries();
    }

    public void Dispose()
    {
        Routes.ReleaseHeldAnswers();
        server.Stop();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
