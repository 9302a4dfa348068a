using DentalClaimsHub.Api.Hosting;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using DentalClaimsHub.Adapters.Claims;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Api.Auditing;
using DentalClaimsHub.Api.Auth;
using DentalClaimsHub.Api.Idempotency;
using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Api.Validation;
using DentalClaimsHub.Domain;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Claim = DentalClaimsHub.Domain.Claims.Claim;
using static DentalClaimsHub.Api.JsonNames;

namespace DentalClaimsHub.Api.Claims;

/// <summary>
/// Claim submission and tracking: a claim is accepted once (Idempotency-Key), checked, queued for its payer in the same
/// transaction as the outbox events that announce it, and read back with its timeline.
/// </summary>
public static class ClaimsApi
{
    public const int DefaultPageSize = 50;

    public const int MaxPageSize = 200;

    private const string CreateOperation = "POST /v1/claims";

    public static WebApplication MapClaimsApi(this WebApplication app)
    {
        var group = app.MapGroup("/v1/claims").WithTags("Claims");
        group.MapPost("/", CreateAsync).RequireScope(Scopes.ClaimsWrite).WithName("SubmitClaim")
            .WithSummary("Submits a claim once: validates it, stores it and queues it for the payer (201 with its id and status).")
            .WithDescription("Requires an Idempotency-Key header: a repeat with the same key and body returns the original response "
                + "(Idempotent-Replayed: true), the same key with another body is 409. Every rule violation is reported under the JSON "
                + "path of its field.")
            .Produces<ClaimResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}", GetAsync).RequireScope(Scopes.ClaimsRead).WithName("GetClaim")
            .WithSummary("Reads a claim with its full timeline (state, when, why, which raw message).");
        group.MapGet("/", ListAsync).RequireScope(Scopes.ClaimsRead).WithName("ListClaims")
            .WithSummary("Lists claims newest first, filtered by status, payer and creation date (practice-local, inclusive), with a cursor.");
        group.MapPost("/{id:guid}/replace", ReplaceAsync).RequireScope(Scopes.ClaimsWrite).WithName("ReplaceClaim")
            .WithSummary("Sends a corrected claim (frequency 7, REF*F8 = the payer's claim number) and marks the original Corrected.")
            .Produces<ClaimCorrectionResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/void", VoidAsync).RequireScope(Scopes.ClaimsWrite).WithName("VoidClaim")
            .WithSummary("Cancels a claim at the payer (frequency 8, REF*F8) and marks it Voided.")
            .Produces<ClaimCorrectionResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<IResult> CreateAsync(ClaimRequest request, HubDbContext db, PayerProfileCatalog payers, AuditTrail audit,
        ClaimMetrics metrics, ClaimsPrincipal user, TimeProvider time, HttpContext http, IOptions<JsonOptions> json,
        CancellationToken cancellationToken)
    {
        if (user.GetPracticeId() is not { } practiceId)
        {
            return PatientsApi.PracticeKeyRequired();
        }

        var (idempotent, answer) = await IdempotentRequest.StartAsync(http, db, practiceId, CreateOperation, request, json.Value.SerializerOptions,
            cancellationToken);
        if (answer is not null)
        {
            return answer;
        }

        var errors = new ValidationErrors();
        var context = await IntakeContextAsync(request, practiceId, db, payers, user, time, errors, cancellationToken);
        var claim = context is null ? null : ClaimIntake.TryBuild(request, context, errors);
        if (claim is null)
        {
            return errors.ToResult();
        }

        Queue(claim, context!);
        db.Claims.Add(claim);
        audit.Record(user, "claim.submitted", "claim", claim.Id);
        System.Diagnostics.Activity.Current?.SetTag("dch.claim.id", claim.Id.ToString());
        var created = await idempotent!.CreatedAsync(db, http, $"/v1/claims/{claim.Id}", claim.ToResponse(), claim.Id, context!.Now,
            cancellationToken);
        if (created is IStatusCodeHttpResult { StatusCode: StatusCodes.Status201Created })
        {
            metrics.Submitted(claim.PayerId);
        }

        return created;
    }

    private static async Task<Results<Ok<ClaimResponse>, ProblemHttpResult>> GetAsync(Guid id, HubDbContext db, AuditTrail audit,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var claim = await db.Claims.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (claim is null)
        {
            return NotFound(id);
        }

        await audit.RecordReadAsync(user, "claim", [claim.Id], cancellationToken);
        return TypedResults.Ok(claim.ToResponse());
    }

    private static async Task<Results<Ok<ClaimPageResponse>, ValidationProblem, ProblemHttpResult>> ListAsync(HubDbContext db, AuditTrail audit,
        ClaimsPrincipal user, TimeProvider time, string? status, string? payer, DateOnly? from, DateOnly? to, string? cursor, int? limit,
        CancellationToken cancellationToken)
    {
        if (user.GetPracticeId() is not { } practiceId)
        {
            return PatientsApi.PracticeKeyRequired();
        }

        var errors = new ValidationErrors();
        ClaimState? state = null;
        if (status is not null)
        {
            if (ClaimMapping.TryParseState(status, out var parsed))
            {
                state = parsed;
            }
            else
            {
                errors.Add("$.status", $"Unknown status '{status}'; one of {string.Join(", ", Enum.GetNames<ClaimState>().Select(Camel))}.");
            }
        }

        var size = limit ?? DefaultPageSize;
        if (size is < 1 or > MaxPageSize)
        {
            errors.Add("$.limit", $"Between 1 and {MaxPageSize}.");
        }

        if (from is not null && to is not null && from > to)
        {
            errors.Add("$.to", "The end date is before the start date.");
        }

        (DateTimeOffset At, Guid Id)? after = null;
        if (cursor is not null)
        {
            after = PageCursor.Decode(cursor);
            if (after is null)
            {
                errors.Add("$.cursor", "Not a cursor this API returned; pass nextCursor unchanged.");
            }
        }

        if (!errors.IsEmpty)
        {
            return errors.ToResult();
        }

        var zone = await PracticeTime.ZoneAsync(db, practiceId, cancellationToken);
        var query = db.Claims.AsNoTracking().IgnoreAutoIncludes().Include(c => c.Lines).AsSplitQuery();
        if (state is { } s)
        {
            query = query.Where(c => c.State == s);
        }

        if (!string.IsNullOrWhiteSpace(payer))
        {
            query = query.Where(c => c.PayerId == payer);
        }

        if (from is { } start)
        {
            var since = PracticeTime.StartOfDay(start, zone);
            query = query.Where(c => c.CreatedAt >= since);
        }

        if (to is { } end)
        {
            var until = PracticeTime.StartOfDay(end.AddDays(1), zone);
            query = query.Where(c => c.CreatedAt < until);
        }

        if (after is { } position)
        {
            query = query.Where(c => c.CreatedAt < position.At || (c.CreatedAt == position.At && c.Id.CompareTo(position.Id) < 0));
        }

        var page = await query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(size + 1).ToListAsync(cancellationToken);
        var next = PageCursor.Trim(page, size, c => (c.CreatedAt, c.Id));
        await audit.RecordReadAsync(user, "claim", page.Select(c => c.Id), cancellationToken);
        return TypedResults.Ok(new ClaimPageResponse([.. page.Select(c => c.ToSummary())], next));
    }

    private static async Task<IResult> ReplaceAsync(Guid id, ClaimCorrectionRequest request, HubDbContext db, PayerProfileCatalog payers,
        AuditTrail audit, ClaimsPrincipal user, TimeProvider time, HttpContext http, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        if (user.GetPracticeId() is not { } practiceId)
        {
            return PatientsApi.PracticeKeyRequired();
        }

        var (idempotent, answer) = await IdempotentRequest.StartAsync(http, db, practiceId, $"POST /v1/claims/{id}/replace", request,
            json.Value.SerializerOptions, cancellationToken);
        if (answer is not null)
        {
            return answer;
        }

        var original = await db.Claims.AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (original is null)
        {
            return NotFound(id);
        }

        var errors = new ValidationErrors();
        var reason = Reason(request, errors);
        if (request.Claim is null)
        {
            errors.Add("$.claim", "Give the corrected claim (the whole claim, as for POST /v1/claims).");
        }
        else if (request.Claim.PatientId != original.PatientId || request.Claim.CoverageId != original.CoverageId)
        {
            errors.Add("$.claim.coverageId",
                "A replacement keeps the original's patient and coverage; to bill another coverage, void this claim and submit a new one.");
        }

        if (!errors.IsEmpty)
        {
            return errors.ToResult();
        }

        var inner = new ValidationErrors();
        var context = await IntakeContextAsync(request.Claim!, practiceId, db, payers, user, time, inner, cancellationToken);
        var corrected = context is null ? null : ClaimIntake.TryBuild(request.Claim!, context, inner);
        if (corrected is null)
        {
            foreach (var (path, messages) in inner.ToDictionary())
            {
                foreach (var message in messages)
                {
                    errors.Add("$.claim" + path[1..], message);
                }
            }

            return errors.ToResult();
        }

        if (Conflict(() => original.ReplaceWith(corrected, context!.Actor, context.Now, reason)) is { } conflict)
        {
            return conflict;
        }

        Queue(corrected, context!);
        db.Claims.Add(corrected);
        audit.Record(user, "claim.replaced", "claim", original.Id, System.Text.Json.JsonSerializer.Serialize(new { replacementId = corrected.Id }));
        return await idempotent!.CreatedAsync(db, http, $"/v1/claims/{corrected.Id}",
            new ClaimCorrectionResponse(original.ToResponse(), corrected.ToResponse()), corrected.Id, context!.Now, cancellationToken);
    }

    private static async Task<IResult> VoidAsync(Guid id, ClaimCorrectionRequest request, HubDbContext db, AuditTrail audit,
        ClaimsPrincipal user, TimeProvider time, HttpContext http, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        if (user.GetPracticeId() is not { } practiceId)
        {
            return PatientsApi.PracticeKeyRequired();
        }

        var (idempotent, answer) = await IdempotentRequest.StartAsync(http, db, practiceId, $"POST /v1/claims/{id}/void", request,
            json.Value.SerializerOptions, cancellationToken);
        if (answer is not null)
        {
            return answer;
        }

        var original = await db.Claims.AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (original is null)
        {
            return NotFound(id);
        }

        var errors = new ValidationErrors();
        var reason = Reason(request, errors);
        if (request.Claim is not null)
        {
            errors.Add("$.claim", "A void cancels the claim as the payer has it; it takes no claim content.");
        }

        if (!errors.IsEmpty)
        {
            return errors.ToResult();
        }

        var now = time.GetUtcNow();
        var actor = user.GetKeyId();
        Claim? voiding = null;
        if (Conflict(() => voiding = original.CreateVoid(actor, now, reason)) is { } conflict)
        {
            return conflict;
        }

        var zone = await PracticeTime.ZoneAsync(db, practiceId, cancellationToken);
        voiding!.Validate(actor, now, PracticeTime.LocalDate(now, zone));
        voiding.Queue(actor, now);
        db.Claims.Add(voiding);
        audit.Record(user, "claim.voided", "claim", original.Id, System.Text.Json.JsonSerializer.Serialize(new { voidClaimId = voiding.Id }));
        return await idempotent!.CreatedAsync(db, http, $"/v1/claims/{voiding.Id}",
            new ClaimCorrectionResponse(original.ToResponse(), voiding.ToResponse()), voiding.Id, now, cancellationToken);
    }

    // The payer-facing facts intake checks a claim against: the patient and coverage (this practice's), the payer's code
    // system, tooth numbering and currency, and the practice's local date.
    internal static async Task<ClaimIntakeContext?> IntakeContextAsync(ClaimRequest request, Guid practiceId, HubDbContext db,
        PayerProfileCatalog payers, ClaimsPrincipal user, TimeProvider time, ValidationErrors errors, CancellationToken cancellationToken,
        ClaimPurpose purpose = ClaimPurpose.Claim)
    {
        errors.Required("$.patientId", request.PatientId, "Register the patient first (POST /v1/patients) and give its id.");
        errors.Required("$.coverageId", request.CoverageId, "Register the coverage billed first and give its id.");
        if (request.PatientId is not { } patientId || request.CoverageId is not { } coverageId)
        {
            return null;
        }

        var coverages = await db.Coverages.AsNoTracking()
            .Where(c => c.PatientId == patientId && (c.Id == coverageId || c.Id == request.SecondaryCoverageId))
            .ToListAsync(cancellationToken);
        var coverage = coverages.SingleOrDefault(c => c.Id == coverageId);
        if (coverage is null)
        {
            var patientExists = await db.Patients.AnyAsync(p => p.Id == patientId, cancellationToken);
            errors.Add(patientExists ? "$.coverageId" : "$.patientId",
                patientExists ? $"The patient has no coverage {coverageId}." : $"No patient {patientId} in this practice.");
            return null;
        }

        if (request.SecondaryCoverageId is { } secondary && secondary != coverageId && coverages.All(c => c.Id != secondary))
        {
            errors.Add("$.secondaryCoverageId", $"The patient has no coverage {secondary}.");
        }

        var payer = payers.Find(coverage.PayerId);
        if (payer?.RouteFor(purpose) is null)
        {
            errors.Add("$.coverageId", purpose == ClaimPurpose.Claim
                ? $"The payer '{coverage.PayerId}' of this coverage does not take claims through the hub."
                : $"The payer '{coverage.PayerId}' of this coverage takes no treatment plans (predeterminations) through the hub.");
            return null;
        }

        var zone = await PracticeTime.ZoneAsync(db, practiceId, cancellationToken);
        var now = time.GetUtcNow();
        var russian = payer.Country == "RU";
        return new ClaimIntakeContext(practiceId, patientId, coverageId, payer.Id, russian ? "RUB" : "USD",
            russian ? ProcedureCodeSystem.Nomenclature804n : ProcedureCodeSystem.Cdt, payer.Country == "US" ? ToothSystem.Universal : ToothSystem.Fdi,
            PracticeTime.LocalDate(now, zone), now, user.GetKeyId(), purpose);
    }

    // A valid claim goes straight on: checked by the domain's rules as of the practice's today, then queued. Each step is a
    // timeline entry, and each entry an outbox event committed with the claim; the submitter picks up the Queued one.
    internal static void Queue(Claim claim, ClaimIntakeContext context)
    {
        claim.Validate(context.Actor, context.Now, context.Today);
        claim.Queue(context.Actor, context.Now);
    }

    private static string? Reason(ClaimCorrectionRequest request, ValidationErrors errors)
    {
        var reason = PatientValidation.Blank(request.Reason);
        if (reason is null)
        {
            errors.Add("$.reason", "Say why (it goes on the claim's timeline).");
        }
        else if (reason.Length > 500)
        {
            errors.Add("$.reason", "At most 500 characters.");
        }

        return reason;
    }

    private static ProblemHttpResult? Conflict(Action change)
    {
        try
        {
            change();
            return null;
        }
        catch (Exception ex) when (ex is InvalidClaimTransitionException or DomainException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The claim cannot be corrected now", detail: ex.Message);
        }
    }

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Claim not found", detail: $"No claim {id} in this practice.");
}
