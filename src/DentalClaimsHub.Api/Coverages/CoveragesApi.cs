using System.Security.Claims;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Api.Auditing;
using DentalClaimsHub.Api.Auth;
using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Api.Validation;
using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.Coverages;

public static class CoveragesApi
{
    public static WebApplication MapCoveragesApi(this WebApplication app)
    {
        var group = app.MapGroup("/v1/patients/{patientId:guid}/coverages").WithTags("Coverages");
        group.MapGet("/", ListAsync).RequireScope(Scopes.PatientsRead).WithName("ListCoverages")
            .WithSummary("Lists a patient's coverages, primary first.");
        group.MapGet("/{id:guid}", GetAsync).RequireScope(Scopes.PatientsRead).WithName("GetCoverage").WithSummary("Reads one coverage.");
        group.MapPost("/", CreateAsync).RequireScope(Scopes.PatientsWrite).WithName("CreateCoverage")
            .WithSummary("Adds an insurance coverage (X12, FHIR or ДМС payer) to a patient.");
        group.MapPut("/{id:guid}", UpdateAsync).RequireScope(Scopes.PatientsWrite).WithName("UpdateCoverage").WithSummary("Replaces a coverage.");
        group.MapDelete("/{id:guid}", DeleteAsync).RequireScope(Scopes.PatientsWrite).WithName("DeleteCoverage").WithSummary("Removes a coverage.");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<CoverageResponse>>, ProblemHttpResult>> ListAsync(Guid patientId, HubDbContext db,
        AuditTrail audit, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, cancellationToken))
        {
            return PatientsApi.NotFound(patientId);
        }

        var coverages = await db.Coverages.AsNoTracking().Where(c => c.PatientId == patientId)
            .OrderBy(c => c.Order).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        await audit.RecordReadAsync(user, "coverage", coverages.Select(c => c.Id), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<CoverageResponse>>([.. coverages.Select(c => c.ToResponse())]);
    }

    private static async Task<Results<Ok<CoverageResponse>, ProblemHttpResult>> GetAsync(Guid patientId, Guid id, HubDbContext db,
        AuditTrail audit, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var coverage = await db.Coverages.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.PatientId == patientId, cancellationToken);
        if (coverage is null)
        {
            return NotFound(id);
        }

        await audit.RecordReadAsync(user, "coverage", [coverage.Id], cancellationToken);
        return TypedResults.Ok(coverage.ToResponse());
    }

    private static async Task<Results<Created<CoverageResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(Guid patientId,
        CoverageRequest request, HubDbContext db, AuditTrail audit, ClaimsPrincipal user, PayerProfileCatalog payers, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var patient = await db.Patients.AsNoTracking().SingleOrDefaultAsync(p => p.Id == patientId, cancellationToken);
        if (patient is null)
        {
            return PatientsApi.NotFound(patientId);
        }

        var errors = new ValidationErrors();
        var coverage = CoverageValidation.TryCreate(patient.PracticeId, patient.Id, request, errors, id => payers.Find(id) is not null, time);
        if (coverage is null)
        {
            return errors.ToResult();
        }

        db.Coverages.Add(coverage);
        audit.Record(user, "coverage.created", "coverage", coverage.Id);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/v1/patients/{patientId}/coverages/{coverage.Id}", coverage.ToResponse());
    }

    private static async Task<Results<Ok<CoverageResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(Guid patientId, Guid id,
        CoverageRequest request, HubDbContext db, AuditTrail audit, ClaimsPrincipal user, PayerProfileCatalog payers, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var coverage = await db.Coverages.SingleOrDefaultAsync(c => c.Id == id && c.PatientId == patientId, cancellationToken);
        if (coverage is null)
        {
            return NotFound(id);
        }

        var errors = new ValidationErrors();
        var input = CoverageValidation.Validate(request, errors, id => payers.Find(id) is not null, time);
        if (input is null)
        {
            return errors.ToResult();
        }

        var updated = errors.Try(JsonPath.Root, () =>
        {
            coverage.Update(input.PayerId, input.MemberId, input.Order, input.Relationship, time.GetUtcNow(), input.Subscriber,
                input.GroupNumber, input.GroupName, input.PlanName, input.ValidFrom, input.ValidTo, input.Dms);
            return true;
        });
        if (!updated)
        {
            return errors.ToResult();
        }

        audit.Record(user, "coverage.updated", "coverage", coverage.Id);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(coverage.ToResponse());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid patientId, Guid id, HubDbContext db, AuditTrail audit,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var coverage = await db.Coverages.SingleOrDefaultAsync(c => c.Id == id && c.PatientId == patientId, cancellationToken);
        if (coverage is null)
        {
            return NotFound(id);
        }

        db.Coverages.Remove(coverage);
        audit.Record(user, "coverage.deleted", "coverage", coverage.Id);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No coverage {id} for this patient.");
}
