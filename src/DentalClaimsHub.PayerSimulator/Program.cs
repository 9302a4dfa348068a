using System.Runtime.InteropServices;
using DentalClaimsHub.PayerSimulator.Hosting;

// dotnet DentalClaimsHub.PayerSimulator.dll --urls http://127.0.0.1:5090 — runs until Ctrl+C (or SIGTERM in a container).
var url = CommandLine.Url(args);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
// docker stop sends SIGTERM: cancel it so the simulator shuts down through the same path as Ctrl+C.
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

await using var simulator = DentalClaimsHub.PayerSimulator.PayerSimulator.Start(url);
simulator.Routes.ResponseDelay = CommandLine.ResponseDelay(args);
foreach (var scenario in CommandLine.Scenarios(args))
{
    simulator.Use(scenario);
    Console.WriteLine($"Playing scenario {scenario}.");
}

// One line per request and no PHI: method, path, status and size only — never bodies or query strings.
simulator.Routes.RequestHandled += request =>
    Console.WriteLine(
        $"{request.ReceivedAt:O} {request.Method} {request.Path} -> {request.StatusCode} "
        + $"(in {request.Body.Length} B, out {request.ResponseLength} B)");
Console.WriteLine($"Payer simulator listening on {simulator.Url} (health: {simulator.Url}/__health, answers held back "
    + $"{simulator.Routes.ResponseDelay.TotalMilliseconds:0} ms). Ctrl+C to stop.");

try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    Console.WriteLine("Payer simulator stopping.");
}
