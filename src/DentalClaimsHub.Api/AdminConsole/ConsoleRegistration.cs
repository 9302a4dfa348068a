using System.Globalization;
using DentalClaimsHub.Api.AdminConsole.Components;
using DentalClaimsHub.Api.AdminConsole.Identity;
using DentalClaimsHub.Api.AdminConsole.Queue;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.AdminConsole;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace DentalClaimsHub.Api.AdminConsole;

/// <summary>
/// The admin console: Blazor (interactive server) pages under <c>/console</c> in the API host, signed in with ASP.NET
/// Core Identity (cookie, lock-out after failed attempts), roles billing / admin / auditor, English and Russian.
/// </summary>
public static class ConsoleRegistration
{
    public const string BasePath = "/console";

    /// <summary>Any console user may look.</summary>
    public const string ReadPolicy = "console:read";

    /// <summary>Billing specialists and administrators may act on claims.</summary>
    public const string WorkPolicy = "console:work";

    /// <summary>Administrators only.</summary>
    public const string AdminPolicy = "console:admin";

    public static readonly IReadOnlyList<CultureInfo> Cultures = [CultureInfo.GetCultureInfo("en"), CultureInfo.GetCultureInfo("ru")];

    /// <summary>Requests the console serves (its pages and its Blazor circuit) authenticate with the console cookie.</summary>
    public static bool IsConsoleRequest(PathString path) =>
        path.StartsWithSegments(BasePath) || path.StartsWithSegments("/_blazor");

    public static WebApplicationBuilder AddConsole(this WebApplicationBuilder builder)
    {
        // Blazor's own script and our stylesheet come from the build's static web assets. A published app reads them from
        // wwwroot; a built one (./hub run, tests, any environment) from the manifest — this is a no-op without one.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.Configure<ConsoleOptions>(builder.Configuration.GetSection("Hub:Console"));
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddLocalization();
        services.AddIdentityCore<ConsoleUser>(options =>
            {
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Password.RequiredLength = 12;
                options.User.RequireUniqueEmail = false;
            })
            .AddRoles<ConsoleRole>()
            .AddErrorDescriber<ConsoleIdentityErrors>()
            .AddEntityFrameworkStores<HubDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddAuthentication().AddIdentityCookies(cookies => cookies.ApplicationCookie!.Configure(options =>
        {
            options.LoginPath = BasePath + "/login";
            options.LogoutPath = BasePath + "/logout";
            options.AccessDeniedPath = BasePath + "/denied";
            options.Cookie.Name = "dch_console";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        }));
        services.AddAuthorizationBuilder()
            .AddPolicy(ReadPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(ConsoleRoles.All))
            .AddPolicy(WorkPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireRole(ConsoleRoles.Billing, ConsoleRoles.Admin))
            .AddPolicy(AdminPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(ConsoleRoles.Admin));
        services.AddScoped<ConsoleSession>();
        services.AddScoped<ConsoleAudit>();
        services.AddScoped<WorkQueue>();
        services.AddScoped<ClaimAssignments>();
        services.AddScoped<WorkReasonText>();
        services.AddScoped<Claims.ClaimView>();
        services.AddScoped<Claims.ClaimActions>();
        services.AddScoped<Claims.TimelineReasonText>();
        services.AddScoped<Claims.ClaimRuleText>();
        services.AddScoped<Messages.IngestNoteText>();
        services.AddScoped<Remittances.PaymentNoteText>();
        services.AddScoped<Payers.PayerFailureText>();
        services.AddScoped<Webhooks.WebhookErrorText>();
        services.AddScoped<Logs.RosterReasonText>();
        services.AddScoped<Messages.GuaranteeLetterProblemText>();
        services.AddScoped<Messages.DmsRowFindingText>();
        services.AddScoped<Messages.FhirFindingText>();
        services.AddScoped<Logs.EligibilityFailureText>();
        services.AddScoped<Messages.X12IssueText>();
        services.AddScoped<Remittances.RemittanceProblemText>();
        services.AddScoped<ConsoleUsers>();
        services.AddScoped<Logs.ConsoleLogs>();
        services.AddScoped<Dms.DmsActLineView>();
        services.AddScoped<Dashboard.DashboardMetrics>();
        services.AddScoped<Messages.MessageSearch>();
        services.AddScoped<Messages.MessageReplay>();
        services.AddScoped<Remittances.RemittanceList>();
        services.AddScoped<Remittances.PaymentAssignment>();
        services.AddScoped<Payers.PayerOverview>();
        services.AddScoped<Webhooks.WebhookDeliveries>();
        var schemas = DentalClaimsHub.Api.X12.X12Registration.SchemasDirectory(builder.Configuration);
        services.AddSingleton(_ => X12View.X12SchemaNames.Load(schemas));
        services.AddScoped<X12View.X12ViewBuilder>();
        services.AddScoped<X12View.X12CodeExplainer>();
        services.AddScoped<X12View.X12Highlighter>();
        services.AddScoped<X12View.ClaimX12Views>();
        services.AddHostedService<ConsoleBootstrap>();
        return builder;
    }

    public static WebApplication MapConsole(this WebApplication app)
    {
        // Only the console is localised: the API's formats never follow a caller's Accept-Language.
        app.UseWhen(context => IsConsoleRequest(context.Request.Path), console => console.UseRequestLocalization(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("en");
            options.SupportedCultures = [.. Cultures];
            options.SupportedUICultures = [.. Cultures];
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        }));
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapConsoleAccount();
        return app;
    }
}

/// <summary>Console settings (<c>Hub:Console</c>).</summary>
public sealed class ConsoleOptions
{
    /// <summary>The first administrator's user name, created when the hub has no console user yet.</summary>
    public string AdminUserName { get; set; } = "admin";

    /// <summary>The first administrator's password; when empty a random one is generated and printed once.</summary>
    public string? AdminPassword { get; set; }
}
