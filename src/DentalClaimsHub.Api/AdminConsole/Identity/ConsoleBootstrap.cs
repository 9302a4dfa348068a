using System.Security.Cryptography;
using DentalClaimsHub.Storage.AdminConsole;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DentalClaimsHub.Api.AdminConsole.Identity;

/// <summary>
/// Makes sure the console's roles exist and, while the hub has no console user at all, creates the first administrator.
/// Its password is the configured one (<c>Hub:Console:AdminPassword</c>) or a random one written once to standard output
/// — never to the log — so whoever starts the hub the first time can sign in and create everyone else.
/// Runs after <see cref="Hosting.DatabaseStartup"/> (hosted services start in registration order).
/// </summary>
public sealed class ConsoleBootstrap(IServiceProvider services, IOptions<ConsoleOptions> options, TimeProvider time, ILogger<ConsoleBootstrap> logger)
    : IHostedService
{
    /// <summary>The key of a <see cref="TextWriter"/> service that takes the first administrator's password line instead of
    /// standard output.</summary>
    public const string OutputKey = "console-bootstrap-output";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<ConsoleRole>>();
        foreach (var role in ConsoleRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new ConsoleRole(role)), $"create the console role '{role}'");
            }
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();
        if (users.Users.Any())
        {
            return;
        }

        var configured = options.Value.AdminPassword;
        var password = string.IsNullOrEmpty(configured) ? NewPassword() : configured;
        var admin = new ConsoleUser
        {
            UserName = options.Value.AdminUserName,
            DisplayName = "Administrator",
            CreatedAt = time.GetUtcNow(),
        };
        Check(await users.CreateAsync(admin, password), "create the first console administrator");
        Check(await users.AddToRoleAsync(admin, ConsoleRoles.Admin), "make the first console user an administrator");
        logger.LogInformation("Created the first console administrator {UserId}", admin.Id);
        if (string.IsNullOrEmpty(configured))
        {
            // Standard output, not the log: the password must not end up in a log store. (A test host gives its own writer.)
            var output = services.GetKeyedService<TextWriter>(OutputKey) ?? System.Console.Out;
            output.WriteLine(
                $"Console administrator created — sign in at /console as '{admin.UserName}' with password: {password}   (shown once; change it after signing in)");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>20 characters from an unambiguous alphabet with every class Identity's default rules ask for.</summary>
    public static string NewPassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789", symbols = "-_.!";
        var body = RandomNumberGenerator.GetString(upper + lower + digits, 16);
        return RandomNumberGenerator.GetString(upper, 1) + RandomNumberGenerator.GetString(lower, 1) + body
            + RandomNumberGenerator.GetString(digits, 1) + RandomNumberGenerator.GetString(symbols, 1);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
