using System.Security.Claims;
using DentalClaimsHub.Adapters.DependencyInjection;
using DentalClaimsHub.Adapters.Dms.GuaranteeLetters;
using DentalClaimsHub.Adapters.Dms.Mappings;
using DentalClaimsHub.Api.Auth;
using DentalClaimsHub.Api.Hosting;
using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Api.Validation;
using DentalClaimsHub.Domain.PreAuthorizations;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Access;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.Dms.GuaranteeLetters;

/// <summary>
/// ДМС insurers' answers to guarantee-letter requests: <c>POST /inbound/{insurer}/guarantee-letters</c> with the insurer's key,
/// <c>POST /v1/guarantee-letters/import</c> for a clinic that got the answer by e-mail (both multipart <c>file</c>, applied at
/// once: answers are small), and <c>GET /v1/guarantee-letters/expiring?days=14</c> for approvals that run out soon.
/// </summary>
public static class GuaranteeLettersApi
{
    private static readonly DmsUploadWording Wording = new("answer",
        payer => $"The hub has no guarantee-letter answer layout for insurer '{payer}'"
            + " (payer profile dms.registryMapping → mappings/dms, guaranteeLetters).",
        "Answer file too large", "A guarantee-letter answer", "The answer file cannot be read");

    private static readonly DmsUpload<GuaranteeLetterImporter, DmsGuaranteeLetterLayout, GuaranteeLetterImportResult> Upload = new(Wording,
        (importer, payer) => importer.Layout(payer),
        (importer, payer, practiceId, content, fileName, layout, cancellationToken) =>
            importer.ImportAsync(payer, practiceId, content, fileName, layout, cancellationToken),
        exception => exception is DmsGuaranteeLetterException unreadable ? Wording.Unreadable(unreadable.Row, unreadable.Message) : null);

    public static WebApplicationBuilder AddGuaranteeLetters(this WebApplicationBuilder builder)
    {
        if (!builder.Services.Any(service => service.ServiceType == typeof(DmsMappingCatalog)))
        {
            builder.Services.AddDmsMappings(builder.Configuration);
        }

        builder.Services.AddScoped<GuaranteeLetterImporter>();
        return builder;
    }

    public static WebApplication MapGuaranteeLettersApi(this WebApplication app)
    {
        app.MapPost("/inbound/{payer}/guarantee-letters", Upload.FromInsurerAsync).RequireScope(Scopes.Inbound).WithTags("Inbound")
            .WithName("ReceiveGuaranteeLetters").DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Takes the insurer's answers to guarantee-letter requests (multipart file) and applies them to the plans they answer.")
            .Produces<GuaranteeLetterImportResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        var group = app.MapGroup("/v1/guarantee-letters").WithTags("Pre-authorizations");
        group.MapPost("/import", Upload.FromPracticeAsync).RequireScope(Scopes.ClaimsWrite).WithName("ImportGuaranteeLetters").DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Imports a ДМС insurer's answers to the clinic's guarantee-letter requests: multipart file and insurer (payer id).")
            .Produces<GuaranteeLetterImportResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/expiring", ExpiringAsync).RequireScope(Scopes.ClaimsRead).WithName("ListExpiringGuaranteeLetters")
            .WithSummary("Approved or partly approved plans whose validity ends within the next N days (practice-local, default 14).")
            .Produces<IReadOnlyList<ExpiringGuaranteeLetter>>().ProducesValidationProblem();
        return app;
    }

    private static async Task<IResult> ExpiringAsync(int? days, HubDbContext db, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken)
    {
        if (user.GetPracticeId() is not { } practiceId)
        {
            return PatientsApi.PracticeKeyRequired();
        }

        var within = days ?? 14;
        if (within is < 0 or > 366)
        {
            return ValidationErrors.Single("$.days", "Use a number of days from 0 to 366.").ToResult();
        }

        var today = PracticeTime.LocalDate(time.GetUtcNow(), await PracticeTime.ZoneAsync(db, practiceId, cancellationToken));
        var until = today.AddDays(within);
        var plans = await db.PreAuthorizations.AsNoTracking()
            .Where(p => p.PracticeId == practiceId
                && (p.Status == PreAuthorizationStatus.Approved || p.Status == PreAuthorizationStatus.PartiallyApproved)
                && p.ValidTo != null && p.ValidTo >= today && p.ValidTo <= until)
            .OrderBy(p => p.ValidTo).ThenBy(p => p.Id)
            .Take(500)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(plans.Select(p => new ExpiringGuaranteeLetter(p.Id, p.PatientId, p.PayerId, p.Status.ToString(), p.ReferenceNumber,
            p.ValidFrom, p.ValidTo!.Value, p.ValidTo.Value.DayNumber - today.DayNumber, p.Limit?.Amount, p.Currency)).ToList());
    }
}
