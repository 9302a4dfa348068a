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
        builder.Services.AddScoped<EligibilitySubjects>();
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
        EligibilityRequest request, HubDbContext db, EligibilitySubjects subjects, EligibilityRunner runner, PayerProfileCatalog payers,
        IEnumerable<IEligibilityAdapter> adapters, AuditTrail audit, ClaimsPrincipal user, TimeProvider time,
        IOptions<EligibilityOptions> options, HttpContext http, CancellationToken cancellationToken)
    {
        if (user.GetPracticeId() is not { } practiceId)
        {
            return PatientsApi.PracticeKeyRequired();
        }

        var errors = new ValidationErrors();
        var procedures = EligibilitySubjects.ParseProcedures(request.ProcedureCodes, errors);
        var provider = request.Provider is { } named ? ProviderValidation.TryCreate(named, JsonPath.Root.Property("provider"), errors) : null;
        var subject = await subjects.ResolveAsync(practiceId, request, errors, cancellationToken);
        if (subject is null)
        {
            return errors.IsEmpty ? NotFound("The patient or coverage does not exist in this practice.") : errors.ToResult();
        }

        var (practice, patient, coverage, dateOfService) = subject;
        var payer = payers.Find(coverage.PayerId);
        var adapter = payer is null ? null : adapters.For(payer);
        if (payer is null || adapter is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Eligibility not offered",
                detail: $"Payer '{coverage.PayerId}' has no eligibility route the hub can use.");
        }

        var now = time.GetUtcNow();
        if (!request.Force && await FindFreshAsync(db, coverage.Id, dateOfService, procedures, now - options.Value.CacheTtl, cancellationToken)
            is { } cached)
        {
            await audit.RecordReadAsync(user, "eligibility-check", [cached.Id], cancellationToken);
            return TypedResults.Ok(cached.ToResponse(now, cached: true));
        }

        var check = EligibilityCheck.Create(practiceId, patient.Id, coverage.Id, coverage.PayerId, dateOfService, now, id: Guid.CreateVersion7(now),
            procedures: procedures, provider: provider ?? ProviderIdentity.Of(practice));
        var inquiry = new EligibilityInquiry(check, practice, patient, coverage, payer);
        var problems = adapter.Validate(inquiry);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                errors.Add(JsonPath.Root.Property(problem.Field), problem.Message);
            }

            return errors.ToResult();
        }

        db.EligibilityChecks.Add(check);
        audit.Record(user, "eligibility.requested", "eligibility-check", check.Id);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(check).State = EntityState.Detached; // the runner's own context owns it from here

        var work = runner.RunAsync(inquiry);
        var answered = await Task.WhenAny(work, Task.Delay(options.Value.Deadline, time, cancellationToken)) == work;
        var current = answered
            ? await work
            : await db.EligibilityChecks.AsNoTracking().SingleAsync(c => c.Id == check.Id, cancellationToken);
        SetRetryAfter(http, current, time.GetUtcNow());
        return answered
            ? TypedResults.Ok(current.ToResponse(time.GetUtcNow()))
            : TypedResults.Accepted($"/v1/eligibility/{check.Id}", current.ToResponse(time.GetUtcNow()));
    }

    // The newest completed answer for the same coverage, date and procedures; procedure lists are compared in memory.
    private static async Task<EligibilityCheck?> FindFreshAsync(HubDbContext db, Guid coverageId, DateOnly dateOfService,
        IReadOnlyList<Domain.Values.ProcedureCode> procedures, DateTimeOffset freshSince, CancellationToken cancellationToken)
    {
        var candidates = await db.EligibilityChecks.AsNoTracking()
            .Where(c => c.CoverageId == coverageId && c.ServiceDate == dateOfService && c.Status == EligibilityCheckStatus.Completed
                && c.CompletedAt > freshSince)
            .OrderByDescending(c => c.CompletedAt).Take(20).ToListAsync(cancellationToken);
        var asked = Sorted(procedures);
        return candidates.FirstOrDefault(c => Sorted(c.Procedures).SequenceEqual(asked));

        static List<Domain.Values.ProcedureCode> Sorted(IEnumerable<Domain.Values.ProcedureCode> codes) =>
            [.. codes.Distinct().OrderBy(p => p.System).ThenBy(p => p.Code, StringComparer.Ordinal)];
    }

    private static void SetRetryAfter(HttpContext http, EligibilityCheck check, DateTimeOffset now)
    {
        if (check.RetryAfter(now) is { } seconds)
        {
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private static async Task<Results<Ok<EligibilityResponse>, ProblemHttpResult>> GetAsync(Guid id, HubDbContext db, AuditTrail audit,
        ClaimsPrincipal user, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var check = await db.EligibilityChecks.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (check is null)
        {
            return NotFound($"No eligibility check {id} in this practice.");
        }

        await audit.RecordReadAsync(user, "eligibility-check", [check.Id], cancellationToken);
        SetRetryAfter(http, check, time.GetUtcNow());
        return TypedResults.Ok(check.ToResponse(time.GetUtcNow()));
    }

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);
}
