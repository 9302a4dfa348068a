using DentalClaimsHub.Api.Eligibility;
using DentalClaimsHub.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using static DentalClaimsHub.Api.Tests.Eligibility.X12.X12Checks;
using static DentalClaimsHub.Api.Tests.Eligibility.EligibilityChecks;

namespace DentalClaimsHub.Api.Tests.Eligibility;

/// <summary>
/// The simulated payers with a ten-minute eligibility cache and the hub on a fake clock (started at the real time, moved only
/// by the test), so an answer's age is exactly what the test says. The simulator keeps the real clock.
/// </summary>
public sealed class CacheTtlFactory : SimulatedPayersFactory
{
    public static readonly TimeSpan CacheTtl = TimeSpan.FromMinutes(10);

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Hub:Eligibility:CacheTtl", CacheTtl.ToString())];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }
}

public sealed class EligibilityCacheTtlTests(CacheTtlFactory factory) : IClassFixture<CacheTtlFactory>
{
    [Fact]
    public async Task Check_SameCoverageAndDateAfterTheTtl_AsksThePayerAgain()
    {
        var member = Member("XTTL");
        var practice = await factory.CreatePracticeAsync();
        var (_, first) = await PostAsync(practice.Client, Request(member));
        var again = Again(first, member, Visit);

        factory.Clock.Advance(CacheTtl - TimeSpan.FromSeconds(1));
        var (_, withinTtl) = await PostAsync(practice.Client, again);
        factory.Clock.Advance(TimeSpan.FromSeconds(2));
        var (_, pastTtl) = await PostAsync(practice.Client, again);

        Assert.Equal((true, first.Id), (withinTtl.Cached, withinTtl.Id));
        Assert.False(pastTtl.Cached);
        Assert.NotEqual(first.Id, pastTtl.Id);
        Assert.Equal(("completed", "active"), (pastTtl.Status, pastTtl.Result!.CoverageStatus));
        Assert.Equal(2, Received(factory.Simulator, member).Count);
    }

    [Fact]
    public async Task Check_SameCoverageOtherDateOfService_AsksThePayer()
    {
        var member = Member("XTDT");
        var practice = await factory.CreatePracticeAsync();
        var (_, first) = await PostAsync(practice.Client, Request(member));

        var (_, otherDay) = await PostAsync(practice.Client, Again(first, member, Visit.AddDays(1)));

        Assert.False(otherDay.Cached);
        Assert.NotEqual(first.Id, otherDay.Id);
        Assert.Equal(Visit.AddDays(1), otherDay.DateOfService);
        Assert.Equal(2, Received(factory.Simulator, member).Count);
    }

    private static TimeSpan CacheTtl => CacheTtlFactory.CacheTtl;

    private static EligibilityRequest Again(EligibilityResponse first, string member, DateOnly dateOfService) => new()
    {
        PatientId = first.PatientId, CoverageId = first.CoverageId, DateOfService = dateOfService, Provider = Request(member).Provider,
    };
}
