using DentalClaimsHub.PayerSimulator.Hosting;

namespace DentalClaimsHub.PayerSimulator.Scenarios;

/// <summary>One protocol folder of the simulator (X12, FHIR, ДМС): declares its scenarios and maps its endpoints.</summary>
public interface ISimulatorModule
{
    /// <summary>Short protocol name, also the first part of its scenario names (<c>x12</c>, <c>fhir</c>, <c>dms</c>).</summary>
    string Protocol { get; }

    /// <summary>Declares scenarios on <paramref name="scenarios"/> and endpoints on <paramref name="routes"/>.</summary>
    void Register(SimulatorRoutes routes, ScenarioSelector scenarios);
}
