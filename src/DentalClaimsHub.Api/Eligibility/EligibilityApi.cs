using System.Security.Claims;
using DentalClaimsHub.Adapters.Eligibility;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Api.Auditing;
using DentalClaimsHub.Api.Auth;
using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Api.Providers;
using DentalClaimsHub.Api.Validation;
using DentalClaimsHub.Api.X12;
using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Access;
using DentalClaimsHub.Storage.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DentalClaimsHub.Api.Eligibility;

public static class EligibilityApi
{
    public static IHostApplicationBuilder AddEligibility(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<EligibilityOptions>(builder.Configuration.GetSection("Hub:Eligibility"));
        builder.Services.AddEligibilityAdapters();
        builder.Services.AddHubX12(builder.Configuration);
        builder.Services.AddSingleton<EligibilityRunner>();
        builder.Services.AddSingleton<UnstoredAnswers>();
        builder.Services.AddHostedService(services => services.GetRequiredService<UnstoredAnswers>());
        builder.Services.AddSingleton<SubjectCache>();
        builder.Services.AddHostedService<SubjectChangeListener>();
        builder.Services.AddScoped<EligibilitySubjects>();
        builder.Services.AddScoped<EligibilityService>();
        return builder;
    }

    public static WebApplication MapEligibilityApi(this WebApplication app)
    {
        var group = app.MapGroup("/v1/eligibility").WithTags("Eligibility");
        group.MapPost("/", CheckAsync).RequireScope(Scopes.Eligibility).WithName("CheckEligibility")
            .WithSummary("Asks the patient's payer whether the coverage is active and what it pays, in whatever protocol the payer speaks.")
            .WithDescription("Answers 200 with the result within the deadline (20 s by default), else 202 with a Location to poll. "
                + "A fresh answer for the same coverage and date is reused unless force is true.");
        group.MapGet("/{id:guid}", GetAsync).RequireScope(Scopes.Eligibility).WithName("GetEligibility")
            .WithSummary("Reads an eligibility check and, once it has arrived, its result.");
        return app;
    }

    private static async Task<Results<Ok<EligibilityResponse>, Accepted<EligibilityResponse>, ValidationProblem, ProblemHttpResult>> CheckAsync(
        EligibilityRequest request, EligibilityService eligibility, ClaimsPrincipal user, TimeProvider time, HttpContext http,
        CancellationToken cancellationToken)
    {
        if (user.GetPracticeId() is not { } practiceId)
        {
            return PatientsApi.PracticeKeyRequired();
        }

        var outcome = await eligibility.AskAsync(practiceId, request, user, cancellationToken);
        if (outcome.Errors is { } errors)
        {
            return errors.ToResult();
        }

        if (outcome.Problem is { } problem)
        {
            return problem;
        }

        var check = outcome.Check!;
        var now = time.GetUtcNow();
        SetRetryAfter(http, check, now);
        return outcome.Answered
            ? TypedResults.Ok(check.ToResponse(now, outcome.Cached))
            : TypedResults.Accepted($"/v1/eligibility/{check.Id}", check.ToResponse(now));
    }

    internal static void SetRetryAfter(HttpContext http, EligibilityCheck check, DateTimeOffset now)
    {
        if (check.RetryAfter(now) is { } seconds)
        {
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private static async Task<Results<Ok<EligibilityResponse>, ProblemHttpResult>> GetAsync(Guid id, HubDbContext db, UnstoredAnswers unstored,
        AuditTrail audit, ClaimsPrincipal user, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var check = await unstored.FindAsync(db, id, cancellationToken);
        if (check is null)
        {
            return NotFound($"No eligibility check {id} in this practice.");
        }

        await audit.RecordReadAsync(user, "eligibility-check", [check.Id], cancellationToken);
        SetRetryAfter(http, check, time.GetUtcNow());
        return TypedResults.Ok(check.ToResponse(time.GetUtcNow()));
    }

    internal static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);
}
