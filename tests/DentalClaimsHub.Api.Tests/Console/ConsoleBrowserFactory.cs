using DentalClaimsHub.Api.Tests.Claims;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DentalClaimsHub.Api.Tests.Console;

/// <summary>
/// The hub on a real Kestrel port (a browser cannot reach the in-memory test server) with the simulated payers, a known
/// first administrator, and Debian's Chromium driven by Playwright (headless; no browser download).
/// </summary>
public class ConsoleBrowserFactory : ClaimDeliveryFactory
{
    public const string AdminUser = "admin";
    public const string AdminPassword = "Console-Test-Password-1";
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public ConsoleBrowserFactory() => UseKestrel(0);

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        .. base.ExtraSettings,
        new("Hub:Console:AdminUserName", AdminUser),
        new("Hub:Console:AdminPassword", AdminPassword),
    ];

    /// <summary>The hub's address, e.g. http://127.0.0.1:41234.</summary>
    public string BaseUrl => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
        .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);

    /// <summary>Where screenshots go: test-results/console under the test run's folder.</summary>
    public static string ArtifactsDirectory { get; } = Directory.CreateDirectory(Path.Combine(
        Environment.GetEnvironmentVariable("DCH_TEST_ARTIFACTS") ?? Path.Combine(AppContext.BaseDirectory, "artifacts"), "console")).FullName;

    public async Task<IBrowserContext> NewBrowserContextAsync(string locale = "en-US")
    {
        if (_browser is null)
        {
            if (!File.Exists(ChromiumPath))
            {
                throw new InvalidOperationException($"Browser tests need Debian's chromium at {ChromiumPath} (apt-get install -y chromium); ./hub test installs it.");
            }

            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-dev-shm-usage"],
            });
        }

        return await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = locale, ViewportSize = new() { Width = 1400, Height = 900 } });
    }

    protected override async ValueTask DisposeDependenciesAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await base.DisposeDependenciesAsync();
    }
}
