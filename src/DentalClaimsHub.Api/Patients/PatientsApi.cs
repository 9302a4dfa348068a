using System.Security.Claims;
using DentalClaimsHub.Api.Auditing;
using DentalClaimsHub.Api.Auth;
using DentalClaimsHub.Api.Validation;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.Patients;

public static class PatientsApi
{
    public static WebApplication MapPatientsApi(this WebApplication app)
    {
        var group = app.MapGroup("/v1/patients").WithTags("Patients");
        group.MapGet("/", ListAsync).RequireScope(Scopes.PatientsRead).WithName("ListPatients")
            .WithSummary("Lists the practice's patients in the order they were registered, a page at a time.");
        group.MapGet("/{id:guid}", GetAsync).RequireScope(Scopes.PatientsRead).WithName("GetPatient").WithSummary("Reads one patient.");
        group.MapPost("/", CreateAsync).RequireScope(Scopes.PatientsWrite).WithName("CreatePatient").WithSummary("Registers a patient.");
        group.MapPut("/{id:guid}", UpdateAsync).RequireScope(Scopes.PatientsWrite).WithName("UpdatePatient")
            .WithSummary("Replaces a patient's demographics.");
        group.MapDelete("/{id:guid}", DeleteAsync).RequireScope(Scopes.PatientsWrite).WithName("DeletePatient")
            .WithSummary("Deletes a patient and their coverages.");
        return app;
    }

    private static async Task<Ok<Page<PatientResponse>>> ListAsync(HubDbContext db, AuditTrail audit, ClaimsPrincipal user,
        string? cursor, int? limit, string? externalId, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(limit ?? 50, 1, 200);
        var query = db.Patients.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(externalId))
        {
            query = query.Where(p => p.ExternalId == externalId);
        }

        if (Guid.TryParse(cursor, out var after))
        {
            query = query.Where(p => p.Id > after);
        }

        var patients = await query.OrderBy(p => p.Id).Take(size + 1).ToListAsync(cancellationToken);
        var items = patients.Take(size).ToList();
        await audit.RecordReadAsync(user, "patient", items.Select(p => p.Id), cancellationToken);
        var next = patients.Count > size ? items[^1].Id.ToString() : null;
        return TypedResults.Ok(new Page<PatientResponse>([.. items.Select(p => p.ToResponse())], next));
    }

    private static async Task<Results<Ok<PatientResponse>, ProblemHttpResult>> GetAsync(Guid id, HubDbContext db, AuditTrail audit,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var patient = await db.Patients.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (patient is null)
        {
            return NotFound(id);
        }

        await audit.RecordReadAsync(user, "patient", [patient.Id], cancellationToken);
        return TypedResults.Ok(patient.ToResponse());
    }

    private static async Task<Results<Created<PatientResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(PatientRequest request,
        HubDbContext db, AuditTrail audit, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken)
    {
        if (user.GetPracticeId() is not { } practiceId)
        {
            return PracticeKeyRequired();
        }

        var errors = new ValidationErrors();
        var patient = PatientValidation.TryCreate(practiceId, request, errors, time);
        if (patient is null)
        {
            return errors.ToResult();
        }

        db.Patients.Add(patient);
        audit.Record(user, "patient.created", "patient", patient.Id);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/v1/patients/{patient.Id}", patient.ToResponse());
    }

    private static async Task<Results<Ok<PatientResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(Guid id, PatientRequest request,
        HubDbContext db, AuditTrail audit, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken)
    {
        var patient = await db.Patients.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (patient is null)
        {
            return NotFound(id);
        }

        var errors = new ValidationErrors();
        var (name, birthDate, sex, address) = PatientValidation.Validate(request, errors, time);
        if (!errors.IsEmpty || name is null)
        {
            return errors.ToResult();
        }

        var updated = errors.Try(JsonPath.Root, () =>
        {
            patient.Update(name, birthDate, sex, time.GetUtcNow(), address, PatientValidation.Blank(request.Phone),
                PatientValidation.Blank(request.Email), PatientValidation.Blank(request.ExternalId));
            return true;
        });
        if (!updated)
        {
            return errors.ToResult();
        }

        audit.Record(user, "patient.updated", "patient", patient.Id);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(patient.ToResponse());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, HubDbContext db, AuditTrail audit, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var patient = await db.Patients.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (patient is null)
        {
            return NotFound(id);
        }

        db.Coverages.RemoveRange(db.Coverages.Where(c => c.PatientId == id));
        db.Patients.Remove(patient);
        audit.Record(user, "patient.deleted", "patient", patient.Id);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    internal static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No patient {id} in this practice.");

    internal static ProblemHttpResult PracticeKeyRequired() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "Only a practice's API key can do this.");
}
