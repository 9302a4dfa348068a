using System.Security.Claims;
using DentalClaimsHub.Api.Auditing;
using DentalClaimsHub.Api.Auth;
using DentalClaimsHub.Api.Idempotency;
using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Api.Validation;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Access;
using DentalClaimsHub.Storage.DmsRegistries;
using DentalClaimsHub.Storage.Protection;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.Dms.Registries;

/// <summary>
/// Monthly registries of services to ДМС insurers: <c>POST /v1/dms/registries</c> builds one for an insurer and a month
/// (201 with a new version, 200 with the previous one when nothing changed), <c>GET /v1/dms/registries</c> lists versions,
/// <c>GET /v1/dms/registries/{id}/file</c> downloads the file (personal data: audited).
/// </summary>
public static class DmsRegistriesApi
{
    public static WebApplication MapDmsRegistriesApi(this WebApplication app)
    {
        var group = app.MapGroup("/v1/dms/registries").WithTags("ДМС registries");
        group.MapPost("/", GenerateAsync).RequireScope(Scopes.ClaimsWrite).WithName("GenerateDmsRegistry")
            .WithSummary("Builds the registry of services (счёт-реестр) of a month to a ДМС insurer from the claims sent to it; a new version only when it changed.")
            .Produces<DmsRegistryView>(StatusCodes.Status201Created).Produces<DmsRegistryView>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", ListAsync).RequireScope(Scopes.ClaimsRead).WithName("ListDmsRegistries")
            .WithSummary("Registry versions of the clinic, optionally for one insurer and month, newest first.").Produces<IReadOnlyList<DmsRegistryView>>();
        group.MapGet("/{id:guid}", GetAsync).RequireScope(Scopes.ClaimsRead).WithName("GetDmsRegistry")
            .WithSummary("One registry version's metadata, totals and excluded lines.").Produces<DmsRegistryView>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/file", DownloadAsync).RequireScope(Scopes.ClaimsRead).WithName("DownloadDmsRegistry")
            .WithSummary("The registry file as sent to the insurer (audited: it holds patients' names and policies).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> GenerateAsync(DmsRegistryRequest request, DmsRegistryGenerator generator, HubDbContext db, AuditTrail audit,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.GetPracticeId() is not { } practiceId)
        {
            return PatientsApi.PracticeKeyRequired();
        }

        var outcome = await generator.GenerateAsync(practiceId, request, cancellationToken);
        if (outcome.Errors is { } errors)
        {
            return errors.ToResult();
        }

        if (outcome.Unchanged is { } unchanged)
        {
            var existing = await db.DmsRegistries.AsNoTracking().Where(r => r.Id == unchanged).Select(DmsRegistryView.Project).SingleAsync(cancellationToken);
            return TypedResults.Ok(existing.WithLink() with { Unchanged = true, Exclusions = outcome.Exclusions });
        }

        var registry = outcome.Created!;
        audit.Record(user, "dms_registry.generated", "dms_registry", registry.Id,
            System.Text.Json.JsonSerializer.Serialize(new { insurer = registry.PayerId, period = registry.Period, version = registry.Version }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (IdempotencyKeys.IsUniqueViolation(exception, out _))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Registry generated concurrently",
                detail: $"Another request stored version {registry.Version} of this registry first; repeat the request to compare with it.");
        }

        return TypedResults.Created($"/v1/dms/registries/{registry.Id}", DmsRegistryView.Of(registry));
    }

    private static async Task<IResult> ListAsync(string? insurer, string? period, HubDbContext db, CancellationToken cancellationToken)
    {
        var query = db.DmsRegistries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(insurer))
        {
            query = query.Where(r => r.PayerId == insurer.Trim());
        }

        if (!string.IsNullOrWhiteSpace(period))
        {
            query = query.Where(r => r.Period == period.Trim());
        }

        // Projected: a list never reads the files.
        var registries = await query.OrderByDescending(r => r.Period).ThenBy(r => r.PayerId).ThenByDescending(r => r.Version).Take(100)
            .Select(DmsRegistryView.Project).ToListAsync(cancellationToken);
        return TypedResults.Ok(registries.Select(r => r.WithLink()).ToList());
    }

    private static async Task<IResult> GetAsync(Guid id, HubDbContext db, CancellationToken cancellationToken)
    {
        var registry = await db.DmsRegistries.AsNoTracking().Where(r => r.Id == id).Select(DmsRegistryView.Project).SingleOrDefaultAsync(cancellationToken);
        return registry is null ? NotFound(id) : TypedResults.Ok(registry.WithLink());
    }

    private static async Task<IResult> DownloadAsync(Guid id, HubDbContext db, AuditTrail audit, ClaimsPrincipal user,
        IStoredFileProtector protector, CancellationToken cancellationToken)
    {
        var file = await db.DmsRegistries.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { r.Content, r.ContentProtection, r.ContentType, r.FileName }).SingleOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            return NotFound(id);
        }

        await audit.RecordReadAsync(user, "dms_registry", [id], cancellationToken);
        var content = DmsRegistryVersion.Read(file.Content, file.ContentProtection, protector);
        return TypedResults.File(content, file.ContentType, file.FileName);
    }

    private static IResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Registry not found", detail: $"No ДМС registry {id} here.");
}
