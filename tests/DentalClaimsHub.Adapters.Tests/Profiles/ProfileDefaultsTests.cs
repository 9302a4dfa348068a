using DentalClaimsHub.Adapters.Profiles;

namespace DentalClaimsHub.Adapters.Tests.Profiles;

public sealed class ProfileDefaultsTests : IDisposable
{
    private readonly ProfileDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Load_MinimalProfile_AppliesResilienceAndPollingDefaults()
    {
        directory.Write("p1.yaml", ProfileDirectory.ValidFhir("p1"));

        var profile = PayerProfileCatalog.LoadOrThrow(directory.Path, new Dictionary<string, string>()).Get("p1");

        Assert.Equal(ResilienceSettings.Default, profile.Resilience);
        Assert.Equal(TimeSpan.FromSeconds(30), profile.Resilience.Timeout);
        Assert.Equal(3, profile.Resilience.RetryCount);
        Assert.Equal(TimeSpan.FromDays(14), profile.ClaimStatus.After);
        Assert.False(profile.Fhir!.UseSubmitOperations);
    }

    [Theory]
    [InlineData("500ms", 0, 0, 0, 500)]
    [InlineData("45s", 0, 0, 45, 0)]
    [InlineData("5m", 0, 5, 0, 0)]
    [InlineData("00:01:30", 0, 1, 30, 0)]
    public void Load_DurationForms_AreParsed(string text, int hours, int minutes, int seconds, int milliseconds)
    {
        directory.Write("p1.yaml", ProfileDirectory.ValidFhir("p1") + $"\nresilience:\n  timeout: {text}\n");

        var profile = PayerProfileCatalog.LoadOrThrow(directory.Path, new Dictionary<string, string>()).Get("p1");

        Assert.Equal(new TimeSpan(0, hours, minutes, seconds, milliseconds), profile.Resilience.Timeout);
    }

    [Fact]
    public void Load_EmptyVariable_FallsBackToDefault()
    {
        directory.Write("p1.yaml", ProfileDirectory.ValidFhir("p1"));

        var catalog = PayerProfileCatalog.LoadOrThrow(directory.Path, new Dictionary<string, string> { ["SIMULATOR_URL"] = "" });

        Assert.Equal(new Uri("http://127.0.0.1:5090/fhir"), catalog.Get("p1").Fhir!.BaseUrl);
    }
}
