using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Testing;

namespace DentalClaimsHub.Adapters.Tests.Profiles;

public sealed class DemoProfilesTests
{
    private static readonly string PayersDirectory = Path.Combine(RepositoryPaths.Mappings, "payers");

    private static PayerProfileCatalog LoadDemo(Dictionary<string, string>? variables = null) =>
        PayerProfileCatalog.LoadOrThrow(PayersDirectory, variables ?? []);

    [Fact]
    public void Load_DemoFolder_ReadsThreePayersWithoutErrors()
    {
        var result = PayerProfileCatalog.Load(PayersDirectory, new Dictionary<string, string>());

        Assert.Empty(result.Errors);
        Assert.Equal(["demo-dms-insurer", "demo-fhir-dental", "demo-x12-dental", "dms-baltika", "dms-severnaya", "dms-volga", "dms-yug"], result.Profiles.Select(p => p.Id).Order());
    }

    [Fact]
    public void Load_X12Demo_ReadsIdentifiersRoutesAndCoreEndpoints()
    {
        var x12 = LoadDemo().Get("demo-x12-dental");

        Assert.Equal(PayerKind.X12, x12.Kind);
        Assert.Equal(new CapabilityRoute(PayerCapability.Eligibility, PayerProtocol.X12, PayerTransport.CoreRealtime),
            x12.RouteFor(PayerCapability.Eligibility));
        Assert.Equal(PayerTransport.CoreBatch, x12.RouteFor(PayerCapability.Claims)?.Transport);
        Assert.Null(x12.RouteFor(PayerCapability.Rosters));
        Assert.Equal("ZZ", x12.X12!.Identifiers.SenderQualifier);
        Assert.Equal("99999", x12.X12.Identifiers.PayerId);
        Assert.Equal('T', x12.X12.Identifiers.UsageIndicator);
        Assert.Equal("35", x12.X12.Options.DentalServiceType);
        Assert.Equal(new Uri("http://127.0.0.1:5090/x12/core/realtime"), x12.Core!.RealtimeUrl);
        Assert.Equal(CoreEnvelopeStyle.Soap, x12.Core.Envelope);
        Assert.Equal("DEMO_X12_USER", x12.Core.UsernameSecret);
        Assert.Equal(TimeSpan.FromSeconds(20), x12.Resilience.Timeout);
        Assert.Equal(TimeSpan.FromDays(14), x12.ClaimStatus.After);
    }

    [Fact]
    public void Load_SimulatorUrlVariable_ReplacesDefaultInEveryEndpoint()
    {
        var catalog = LoadDemo(new() { ["SIMULATOR_URL"] = "http://simulator:8080" });

        Assert.Equal(new Uri("http://simulator:8080/x12/core/batch"), catalog.Get("demo-x12-dental").Core!.BatchUrl);
        Assert.Equal(new Uri("http://simulator:8080/fhir"), catalog.Get("demo-fhir-dental").Fhir!.BaseUrl);
        Assert.Equal("http://simulator:8080/dms/files", catalog.Get("demo-dms-insurer").Dms!.DeliveryTarget);
    }

    [Fact]
    public void Load_DmsDemo_KeepsRussianNameAndEncodings()
    {
        var dms = LoadDemo().Get("demo-dms-insurer");

        Assert.Equal("СК «Демо-Мед»", dms.DisplayName);
        Assert.Equal("RU", dms.Country);
        Assert.Equal(DmsDeliveryKind.FileDrop, dms.Dms!.Delivery);
        Assert.Equal("windows-1251", dms.Dms.OutboundEncoding);
        Assert.Equal("demo-med.yaml", dms.Dms.RegistryMapping);
    }

    [Fact]
    public void Load_FhirDemo_AppliesDefaultsForOmittedResilienceFields()
    {
        var fhir = LoadDemo().Get("demo-fhir-dental");

        Assert.Equal(TimeSpan.FromSeconds(15), fhir.Resilience.Timeout);
        Assert.Equal(16, fhir.Resilience.MaxConcurrency);
        Assert.Equal(ResilienceSettings.Default.BreakerFailureRatio, fhir.Resilience.BreakerFailureRatio);
        Assert.Equal(ResilienceSettings.Default.BreakDuration, fhir.Resilience.BreakDuration);
        Assert.Equal(FhirAuthKind.None, fhir.Fhir!.Auth);
    }
}
