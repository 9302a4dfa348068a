using System.Security.Claims;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Api.Auditing;
using DentalClaimsHub.Api.Auth;
using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Api.Validation;
using DentalClaimsHub.Domain.FeeSchedules;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.FeeSchedules;

public static class FeeSchedulesApi
{
    public static WebApplication MapFeeSchedulesApi(this WebApplication app)
    {
        var group = app.MapGroup("/v1/fee-schedules").WithTags("Fee schedules").RequireScope(Scopes.Estimates);
        group.MapPost("/", CreateAsync).WithName("CreateFeeSchedule").WithSummary("Adds the practice's fees or a payer's allowed amounts for a period.");
        group.MapGet("/", ListAsync).WithName("ListFeeSchedules").WithSummary("Lists the practice's fee schedules (without their fees).");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetFeeSchedule").WithSummary("Reads a fee schedule with every fee.");
        group.MapPut("/{id:guid}", ReplaceAsync).WithName("ReplaceFeeSchedule").WithSummary("Replaces a fee schedule's name, period and fees.");
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteFeeSchedule").WithSummary("Deletes a fee schedule.");
        return app;
    }

    private static async Task<Results<Created<FeeScheduleResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(FeeScheduleRequest request,
        HubDbContext db, PayerProfileCatalog payers, AuditTrail audit, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken)
    {
        if (user.GetPracticeId() is not { } practiceId)
        {
            return PatientsApi.PracticeKeyRequired();
        }

        var errors = new ValidationErrors();
        var entries = FeeScheduleValidation.Entries(request, id => payers.Find(id) is not null, errors);
        var now = time.GetUtcNow();
        var schedule = entries is null ? null : errors.Try(JsonPath.Root, () => FeeSchedule.Create(practiceId, request.Name!, request.Currency!,
            string.IsNullOrWhiteSpace(request.PayerId) ? null : request.PayerId, request.EffectiveFrom!.Value, request.EffectiveTo, entries, now,
            Guid.CreateVersion7(now)));
        if (schedule is null)
        {
            return errors.ToResult();
        }

        db.FeeSchedules.Add(schedule);
        audit.Record(user, "fee-schedule.created", "fee-schedule", schedule.Id);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/v1/fee-schedules/{schedule.Id}", schedule.ToResponse());
    }

    private static async Task<Ok<List<FeeScheduleResponse>>> ListAsync(HubDbContext db, CancellationToken cancellationToken)
    {
        var schedules = await db.FeeSchedules.AsNoTracking().OrderBy(f => f.PayerId).ThenByDescending(f => f.EffectiveFrom).ToListAsync(cancellationToken);
        return TypedResults.Ok(schedules.Select(s => s.ToResponse() with { Fees = [] }).ToList());
    }

    private static async Task<Results<Ok<FeeScheduleResponse>, ProblemHttpResult>> GetAsync(Guid id, HubDbContext db, CancellationToken cancellationToken) =>
        await db.FeeSchedules.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, cancellationToken) is { } schedule
            ? TypedResults.Ok(schedule.ToResponse())
            : NotFound(id);

    private static async Task<Results<Ok<FeeScheduleResponse>, ValidationProblem, ProblemHttpResult>> ReplaceAsync(Guid id, FeeScheduleRequest request,
        HubDbContext db, PayerProfileCatalog payers, AuditTrail audit, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken)
    {
        var schedule = await db.FeeSchedules.SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (schedule is null)
        {
            return NotFound(id);
        }

        var errors = new ValidationErrors();
        var entries = FeeScheduleValidation.Entries(request, payerId => payers.Find(payerId) is not null, errors);
        if (entries is not null && (!string.Equals(request.Currency, schedule.Currency, StringComparison.OrdinalIgnoreCase)
            || (string.IsNullOrWhiteSpace(request.PayerId) ? null : request.PayerId) != schedule.PayerId))
        {
            errors.Add("$.currency", "A schedule's currency and payer cannot change; create a new schedule instead.");
        }

        if (entries is null || !errors.IsEmpty
            || !errors.Try(JsonPath.Root, () => Apply(schedule, request, entries, time.GetUtcNow())))
        {
            return errors.ToResult();
        }

        audit.Record(user, "fee-schedule.replaced", "fee-schedule", schedule.Id);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(schedule.ToResponse());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, HubDbContext db, AuditTrail audit, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var schedule = await db.FeeSchedules.SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (schedule is null)
        {
            return NotFound(id);
        }

        db.FeeSchedules.Remove(schedule);
        audit.Record(user, "fee-schedule.deleted", "fee-schedule", schedule.Id);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static bool Apply(FeeSchedule schedule, FeeScheduleRequest request, List<FeeScheduleEntry> entries, DateTimeOffset now)
    {
        schedule.Update(request.Name!, request.EffectiveFrom!.Value, request.EffectiveTo, entries, now);
        return true;
    }

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No fee schedule {id} in this practice.");
}
