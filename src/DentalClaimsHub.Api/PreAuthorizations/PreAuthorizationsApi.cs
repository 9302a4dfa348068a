using System.Security.Claims;
using DentalClaimsHub.Adapters.Dms.Reference;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Api.Auditing;
using DentalClaimsHub.Api.Auth;
using DentalClaimsHub.Api.Claims;
using DentalClaimsHub.Api.Coverages;
using DentalClaimsHub.Api.Idempotency;
using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Api.Validation;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.PreAuthorizations;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static DentalClaimsHub.Api.JsonNames;

namespace DentalClaimsHub.Api.PreAuthorizations;

/// <summary>The payer's answer to a treatment plan, and the plan itself as it went out.</summary>
public sealed record PreAuthorizationResponse(
    Guid Id,
    string Kind,
    string Status,
    Guid PatientId,
    Guid CoverageId,
    string PayerId,
    Guid? RequestClaimId,
    string? ReferenceNumber,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    MoneyDto? Limit,
    MoneyDto TotalFee,
    MoneyDto TotalApproved,
    string? PayerNote,
    IReadOnlyList<PreAuthorizationLineResponse> Lines,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DecidedAt);

public sealed record PreAuthorizationLineResponse(
    int LineNumber, string Code, string? Tooth, string? Surfaces, string? Area, int Units, MoneyDto Fee, string Decision,
    MoneyDto? ApprovedAmount, string? DecisionNote);

/// <summary>
/// Treatment plans sent for advance approval: the same payload as a claim, carried to the payer as a claim of purpose
/// Predetermination (837D CLM19 = PB with no service dates, FHIR Claim use = predetermination, a ДМС guarantee-letter
/// request), with the decision recorded on the pre-authorisation when it arrives.
/// </summary>
public static class PreAuthorizationsApi
{
    private const string CreateOperation = "POST /v1/preauthorizations";

    public static WebApplication MapPreAuthorizationsApi(this WebApplication app)
    {
        var group = app.MapGroup("/v1/preauthorizations").WithTags("Pre-authorizations");
        group.MapPost("/", CreateAsync).RequireScope(Scopes.ClaimsWrite).WithName("SubmitPreAuthorization")
            .WithSummary("Sends a treatment plan for a predetermination / guarantee letter, once (Idempotency-Key); 201 with its id and status.")
            .WithDescription("The body is a claim (POST /v1/claims) whose lines are planned: service dates are optional and never sent.")
            .Produces<PreAuthorizationResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}", GetAsync).RequireScope(Scopes.ClaimsRead).WithName("GetPreAuthorization")
            .WithSummary("Reads a pre-authorisation with the payer's per-line decisions, reference number and validity once decided.");
        return app;
    }

    private static async Task<IResult> CreateAsync(ClaimRequest request, HubDbContext db, PayerProfileCatalog payers, DmsReference reference,
        AuditTrail audit, ClaimsPrincipal user, TimeProvider time, HttpContext http, IOptions<JsonOptions> json, CancellationToken cancellationToken)
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
        var context = await ClaimsApi.IntakeContextAsync(request, practiceId, db, payers, user, time, errors, cancellationToken,
            ClaimPurpose.Predetermination);
        var plan = context is null ? null : ClaimIntake.TryBuild(request, context, errors);
        var kind = plan is not null && payers.Get(plan.PayerId).Kind == PayerKind.Dms
            ? PreAuthorizationKind.GuaranteeLetter : PreAuthorizationKind.Predetermination;
        if (plan is not null && kind == PreAuthorizationKind.GuaranteeLetter)
        {
            GuaranteeRequestCodes.Check(request.Lines!, reference, errors);
        }

        if (plan is null || !errors.IsEmpty)
        {
            return errors.ToResult();
        }

        ClaimsApi.Queue(plan, context!);
        var preAuthorization = PreAuthorization.Create(practiceId, plan.PatientId, plan.CoverageId, plan.PayerId, kind, plan.Currency, context!.Now,
            Guid.CreateVersion7(context.Now), plan.Id);
        foreach (var line in plan.Lines)
        {
            preAuthorization.AddLine(line.Procedure, line.Fee, context.Now, line.Units, line.Tooth, line.Surfaces, line.Area);
        }

        db.Claims.Add(plan);
        db.PreAuthorizations.Add(preAuthorization);
        audit.Record(user, "preauthorization.submitted", "preauthorization", preAuthorization.Id);
        return await idempotent!.CreatedAsync(db, http, $"/v1/preauthorizations/{preAuthorization.Id}", preAuthorization.ToResponse(),
            preAuthorization.Id, context.Now, cancellationToken);
    }

    private static async Task<Results<Ok<PreAuthorizationResponse>, ProblemHttpResult>> GetAsync(Guid id, HubDbContext db, AuditTrail audit,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var preAuthorization = await db.PreAuthorizations.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (preAuthorization is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Pre-authorization not found",
                detail: $"No pre-authorization {id} in this practice.");
        }

        await audit.RecordReadAsync(user, "preauthorization", [preAuthorization.Id], cancellationToken);
        return TypedResults.Ok(preAuthorization.ToResponse());
    }

    public static PreAuthorizationResponse ToResponse(this PreAuthorization p) => new(
        p.Id,
        Camel(p.Kind),
        Camel(p.Status),
        p.PatientId,
        p.CoverageId,
        p.PayerId,
        p.RequestClaimId,
        p.ReferenceNumber,
        p.ValidFrom,
        p.ValidTo,
        p.Limit is { } limit ? Dto(limit) : null,
        Dto(p.TotalFee),
        Dto(p.TotalApproved),
        p.PayerNote,
        [.. p.Lines.Select(l => new PreAuthorizationLineResponse(l.LineNumber, l.Procedure.Code, l.Tooth?.Value,
            l.Surfaces.IsEmpty ? null : l.Surfaces.Value, l.Area?.ToX12Code(), l.Units, Dto(l.Fee), Camel(l.Decision),
            l.ApprovedAmount is { } approved ? Dto(approved) : null, l.DecisionNote))],
        p.CreatedAt,
        p.DecidedAt);

    private static MoneyDto Dto(Money money) => MoneyDto.Of(money);
}
