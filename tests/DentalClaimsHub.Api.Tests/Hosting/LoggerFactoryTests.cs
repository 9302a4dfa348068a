using DentalClaimsHub.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DentalClaimsHub.Api.Tests.Hosting;

/// <summary>
/// The host's logger factory hands out one logger per category (ASP.NET Core asks for one on every request), and a logger
/// so handed out still writes through the host's Serilog pipeline with its category.
/// </summary>
public sealed class LoggerFactoryTests(HubApiFactory factory) : IClassFixture<HubApiFactory>
{
    [Fact]
    public async Task CreateLogger_SameCategoryTwice_OneLoggerThatWritesWithItsCategory()
    {
        var practice = await factory.CreatePracticeAsync();
        await practice.Client.GetAsync($"/v1/patients/{Guid.NewGuid()}");
        var loggers = factory.Services.GetRequiredService<ILoggerFactory>();

        var first = loggers.CreateLogger("DentalClaimsHub.Tests.LoggerFactory");
        var second = loggers.CreateLogger("DentalClaimsHub.Tests.LoggerFactory");
        var other = loggers.CreateLogger("DentalClaimsHub.Tests.Other");

        Assert.Same(first, second);
        Assert.NotSame(first, other);
        var marker = Guid.NewGuid().ToString("N");
        second.LogWarning("Logger factory check {Marker}", marker);
        var line = Assert.Single(factory.Logs.Containing(marker));
        Assert.Contains("SourceContext=\"DentalClaimsHub.Tests.LoggerFactory\"", line, StringComparison.Ordinal);
    }
}
