using System.Text.RegularExpressions;
using DentalClaimsHub.Api.AdminConsole.Identity;
using DentalClaimsHub.Api.Tests.Infrastructure;
using DentalClaimsHub.Storage.AdminConsole;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DentalClaimsHub.Api.Tests.Console;

/// <summary>A hub started on an empty database with no administrator password configured, as <c>./hub run</c> does.</summary>
public sealed class ConsoleFirstAdminFactory : HubApiFactory
{
    public StringWriter Output { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [new("Hub:Console:AdminUserName", "first-admin"), new("Hub:Console:AdminPassword", "")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddKeyedSingleton<TextWriter>(ConsoleBootstrap.OutputKey, Output));
    }
}

/// <summary>The first start creates an administrator and prints its generated password once, never into the log.</summary>
public sealed partial class ConsoleFirstAdminTests(ConsoleFirstAdminFactory factory) : IClassFixture<ConsoleFirstAdminFactory>
{
    [Fact]
    public async Task The_first_start_creates_an_administrator_and_prints_its_password_once()
    {
        var printed = PasswordLine().Matches(factory.Output.ToString());
        var line = Assert.Single(printed);
        var password = line.Groups["password"].Value;
        Assert.DoesNotContain(factory.Logs.Events, e => e.Contains(password, StringComparison.Ordinal));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();
            var admin = Assert.Single(users.Users.ToList());
            Assert.Equal("first-admin", admin.UserName);
            Assert.True(await users.CheckPasswordAsync(admin, password));
            Assert.True(await users.IsInRoleAsync(admin, ConsoleRoles.Admin));
        }

        // Started again on the same database: nothing new is created and nothing is printed.
        var bootstrap = factory.Services.GetServices<IHostedService>().OfType<ConsoleBootstrap>().Single();
        await bootstrap.StartAsync(CancellationToken.None);

        Assert.Single(PasswordLine().Matches(factory.Output.ToString()));
        await using var again = factory.Services.CreateAsyncScope();
        Assert.Single(again.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>().Users.ToList());
    }

    [GeneratedRegex(@"sign in at /console as 'first-admin' with password: (?<password>\S+) ")]
    private static partial Regex PasswordLine();
}
