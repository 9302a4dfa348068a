using System.Security.Claims;
using DentalClaimsHub.Adapters.Dms.Eligibility;
using DentalClaimsHub.Adapters.Dms.Reference;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Api.Auditing;
using DentalClaimsHub.Api.Auth;
using DentalClaimsHub.Api.Eligibility;
using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Api.Validation;
using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Eligibility;
using DentalClaimsHub.Domain.Estimates;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.Estimates;

public static class EstimatesApi
{
    public static WebApplication MapEstimatesApi(this WebApplication app)
    {
        var group = app.MapGroup("/v1/estimates").WithTags("Estimates").RequireScope(Scopes.Estimates);
        group.MapPost("/", CreateAsync).WithName("CreateEstimate")
            .WithSummary("Splits planned procedures' fees into payer and patient portions, with the reasons, from the patient's benefits.")
            .WithDescription("Based on eligibilityCheckId, or on a patient and coverage: then the hub asks for eligibility first (cached answers "
                + "reused). 202 with the eligibility check's Location when the payer has not answered within the deadline; 503 with "
                + "Retry-After when the payer is unavailable.");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetEstimate").WithSummary("Reads a stored estimate.");
        return app;
    }

    private static async Task<Results<Created<EstimateResponse>, Accepted<EligibilityResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        EstimateRequest request, HubDbContext db, EligibilityService eligibility, UnstoredAnswers unstored, PayerProfileCatalog payers,
        DmsReference reference, AuditTrail audit, ClaimsPrincipal user, TimeProvider time, HttpContext http,
        CancellationToken cancellationToken)
    {
        if (user.GetPracticeId() is not { } practiceId)
        {
            return PatientsApi.PracticeKeyRequired();
        }

        var errors = new ValidationErrors();
        var network = request.Network switch
        {
            null or "inNetwork" => BenefitNetwork.InNetwork,
            "outOfNetwork" => BenefitNetwork.OutOfNetwork,
            _ => (BenefitNetwork?)null,
        };
        if (network is null)
        {
            return errors.Add("$.network", "inNetwork or outOfNetwork.").ToResult();
        }

        EligibilityCheck? check;
        Coverage? coverage;
        var checkStored = Task.CompletedTask;
        if (request.EligibilityCheckId is { } checkId)
        {
            check = await unstored.FindAsync(db, checkId, cancellationToken);
            coverage = check is null ? null : await db.Coverages.AsNoTracking().SingleOrDefaultAsync(c => c.Id == check.CoverageId, cancellationToken);
            if (check is null || coverage is null)
            {
                return EligibilityApi.NotFound($"No eligibility check {checkId} in this practice.");
            }
        }
        else
        {
            var outcome = await eligibility.AskAsync(practiceId, new EligibilityRequest
            {
                PatientId = request.PatientId, Patient = request.Patient, CoverageId = request.CoverageId, Coverage = request.Coverage,
                Provider = request.Provider, DateOfService = request.DateOfService,
            }, user, cancellationToken);
            if (outcome.Errors is { } invalid)
            {
                return invalid.ToResult();
            }

            if (outcome.Problem is { } problem)
            {
                return problem;
            }

            (check, coverage, checkStored) = (outcome.Check!, outcome.Subject!.Coverage, outcome.Stored);
            if (!outcome.Answered)
            {
                return TypedResults.Accepted($"/v1/eligibility/{check.Id}", check.ToResponse(time.GetUtcNow()));
            }
        }

        if (Unusable(check, http, time.GetUtcNow()) is { } unusable)
        {
            return unusable;
        }

        var practice = await db.Practices.AsNoTracking().SingleAsync(p => p.Id == practiceId, cancellationToken);
        var payer = payers.Find(check.PayerId);
        var currency = payer?.Country == "RU" ? "RUB" : "USD";
        var schedules = await db.FeeSchedules.AsNoTracking()
            .Where(f => (f.PayerId == null || f.PayerId == check.PayerId) && f.Currency == currency && f.EffectiveFrom <= check.ServiceDate
                && (f.EffectiveTo == null || f.EffectiveTo >= check.ServiceDate))
            .OrderByDescending(f => f.EffectiveFrom).ToListAsync(cancellationToken);
        // Russian insurers and European practices number teeth FDI; US payers and practices Universal.
        var teeth = currency == "USD" && practice.CountryCode == "US" ? ToothSystem.Universal : ToothSystem.Fdi;
        var planned = EstimateProcedures.Plan(request.Procedures, currency, teeth,
            schedules.FirstOrDefault(f => f.PayerId is null), network == BenefitNetwork.InNetwork ? schedules.FirstOrDefault(f => f.PayerId is not null) : null,
            errors);
        if (planned is null)
        {
            return errors.ToResult();
        }

        var result = check.Result!;
        var lines = payer?.RouteFor(PayerCapability.Eligibility)?.Protocol == PayerProtocol.Dms
            && result.Status == CoverageStatus.Active
            ? DmsLines(result, coverage.Dms, planned, reference)
            : EstimateCalculator.ForPlan(result, planned, network.Value);
        var now = time.GetUtcNow();
        var estimate = Estimate.Create(practiceId, check.PatientId, currency, lines, now, coverage.Id, check.Id,
            validUntil: result.PlanEnd is { } end && end < check.ServiceDate.AddDays(30) ? end : check.ServiceDate.AddDays(30),
            note: $"Benefits as the payer stated them on {result.ReceivedAt:yyyy-MM-dd}; the payer decides when it adjudicates the claim.",
            id: Guid.CreateVersion7(now));
        // The estimate refers to the check, which the hub writes just after answering it.
        try
        {
            await checkStored;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Eligibility answer not stored",
                detail: $"The payer answered eligibility check {check.Id}, but the hub could not store the answer. Ask again.");
        }

        db.Estimates.Add(estimate);
        audit.Record(user, "estimate.created", "estimate", estimate.Id);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/v1/estimates/{estimate.Id}", estimate.ToResponse());
    }

    // ДМС: the franchise, limit and exclusions the answer stated (the insurer's roster may override the coverage's own
    // terms); a service an exclusion names ("без ортодонтии") is found by its name in the 804н nomenclature.
    private static IReadOnlyList<EstimateLine> DmsLines(EligibilityResult result, DmsTerms? stored, IEnumerable<PlannedProcedure> planned,
        DmsReference reference)
    {
        var terms = DmsAnsweredTerms.Of(result, stored);
        return EstimateCalculator.ForDms(terms, planned, excludedBy: code => NomenclatureCode.TryParse(code.Code, out var service)
            ? DmsExclusions.Excluding(reference.ServiceName(service), terms.Exclusions)
            : null);
    }

    private static async Task<Results<Ok<EstimateResponse>, ProblemHttpResult>> GetAsync(Guid id, HubDbContext db, AuditTrail audit,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var estimate = await db.Estimates.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (estimate is null)
        {
            return EligibilityApi.NotFound($"No estimate {id} in this practice.");
        }

        await audit.RecordReadAsync(user, "estimate", [estimate.Id], cancellationToken);
        return TypedResults.Ok(estimate.ToResponse());
    }

    // Estimates need a payer answer: a failed or pending check is a clear problem, never a guessed estimate.
    private static ProblemHttpResult? Unusable(EligibilityCheck check, HttpContext http, DateTimeOffset now)
    {
        if (check.Status == EligibilityCheckStatus.Completed && check.Result is not null)
        {
            return null;
        }

        if (check.Status == EligibilityCheckStatus.Failed && check.FailureCode == EligibilityFailureCodes.PayerUnavailable)
        {
            EligibilityApi.SetRetryAfter(http, check, now);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Payer unavailable",
                detail: $"No estimate without the payer's benefits: {check.FailureReason}");
        }

        return check.Status == EligibilityCheckStatus.Failed
            ? TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "No usable eligibility answer",
                detail: $"Eligibility check {check.Id} failed ({check.FailureCode}): {check.FailureReason}")
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Eligibility still pending",
                detail: $"Eligibility check {check.Id} has no answer yet; poll /v1/eligibility/{check.Id} and try again.");
    }
}
