using System.Xml.Linq;
using DentalClaimsHub.Testing;

namespace DentalClaimsHub.Adapters.Tests.Simulator;

/// <summary>Starts a simulator on a free loopback port per test and offers helpers to talk CORE to it.</summary>
public abstract class SimulatorTestBase : IDisposable
{
    protected static readonly DateTimeOffset Now = new(2026, 3, 15, 10, 31, 0, TimeSpan.Zero);

    protected SimulatorTestBase()
    {
        Simulator = PayerSimulator.PayerSimulator.Start(0, new FixedTime(Now));
        Http = new HttpClient { BaseAddress = new Uri(Simulator.Url) };
    }

    protected PayerSimulator.PayerSimulator Simulator { get; }

    protected HttpClient Http { get; }

    protected static string Sample270 => File.ReadAllText(Path.Combine(RepositoryPaths.Samples, "x12", "270-dental-inquiry.x12"));

    public void Dispose()
    {
        Http.Dispose();
        Simulator.Dispose();
        GC.SuppressFinalize(this);
    }

    protected static XNamespace Soap => "http://www.w3.org/2003/05/soap-envelope";

    protected static XNamespace Core => "http://www.caqh.org/SOAP/WSDL/CORERule2.2.0.xsd";

    /// <summary>Reads a response field by local name from a SOAP response body.</summary>
    protected static string? SoapField(XDocument document, string name) =>
        document.Descendants().FirstOrDefault(element => element.Name.LocalName == name)?.Value;

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
