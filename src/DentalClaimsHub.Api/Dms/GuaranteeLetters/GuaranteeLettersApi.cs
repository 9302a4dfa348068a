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
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.Dms.GuaranteeLetters;

/// <summary>
/// ДМС insurers' answers to guarantee-letter requests: <c>POST /inbound/{insurer}/guarantee-letters</c> with the insurer's key,
/// <c>POST /v1/guarantee-letters/import</c> for a clinic that got the answer by e-mail (both multipart <c>file</c>, applied at
/// once: answers are small), and <c>GET /v1/guarantee-letters/expiring?days=14</c> for approvals that run out soon.
/// </summary>
public static class GuaranteeLettersApi
{
    private const long MaxBytes = 10 << 20;

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
        app.MapPost("/inbound/{payer}/guarantee-letters", ReceiveFromInsurerAsync).RequireScope(Scopes.Inbound).WithTags("Inbound")
            .WithName("ReceiveGuaranteeLetters").DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Takes the insurer's answers to guarantee-letter requests (multipart file) and applies them to the plans they answer.")
            .Produces<GuaranteeLetterImportResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        var group = app.MapGroup("/v1/guarantee-letters").WithTags("Pre-authorizations");
        group.MapPost("/import", ImportFromPracticeAsync).RequireScope(Scopes.ClaimsWrite).WithName("ImportGuaranteeLetters").DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Imports a ДМС insurer's answers to the clinic's guarantee-letter requests: multipart file and insurer (payer id).")
            .Produces<GuaranteeLetterImportResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/expiring", ExpiringAsync).RequireScope(Scopes.ClaimsRead).WithName("ListExpiringGuaranteeLetters")
            .WithSummary("Approved or partly approved plans whose validity ends within the next N days (practice-local, default 14).")
            .Produces<IReadOnlyList<ExpiringGuaranteeLetter>>().ProducesValidationProblem();
        return app;
    }

    private static async Task<IResult> ReceiveFromInsurerAsync(string payer, HttpRequest request, GuaranteeLetterImporter importer, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (user.ForbidOtherInsurer(payer) is { } forbidden)
        {
            return forbidden;
        }

        return await ImportAsync(request, payer, null, importer, new ValidationErrors(), cancellationToken);
    }

    private static async Task<IResult> ImportFromPracticeAsync(HttpRequest request, GuaranteeLetterImporter importer, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (user.GetPracticeId() is not { } practiceId)
        {
            return PatientsApi.PracticeKeyRequired();
        }

        var errors = new ValidationErrors();
        string? payer = null;
        if (request.HasFormContentType && request.ContentLength is null or <= MaxBytes + (1 << 20))
        {
            var form = await request.ReadFormAsync(cancellationToken);
            payer = PatientValidation.Blank(form["insurer"]);
            if (payer is null)
            {
                errors.Add("$.insurer", "Name the ДМС insurer (its payer id) whose answer this is.");
            }
        }

        return await ImportAsync(request, payer ?? "", practiceId, importer, errors, cancellationToken);
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, string payer, Guid? practiceId, GuaranteeLetterImporter importer,
        ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes + (1 << 20))
        {
            return TooLarge();
        }

        if (!request.HasFormContentType)
        {
            return errors.Add("$.file", "Send multipart/form-data with the answer in a part named 'file'.").ToResult();
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBytes + (1 << 20);
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var layout = payer.Length == 0 ? null : importer.Layout(payer);
        if (payer.Length > 0 && layout is null)
        {
            errors.Add("$.insurer", $"The hub has no guarantee-letter answer layout for insurer '{payer}' (payer profile dms.registryMapping → mappings/dms, guaranteeLetters).");
        }

        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            errors.Add("$.file", "Send the answer in a part named 'file' (not empty).");
        }
        else if (file.Length > MaxBytes)
        {
            return TooLarge();
        }

        if (!errors.IsEmpty)
        {
            return errors.ToResult();
        }

        // Answers are small: read whole, kept raw in the message store.
        using var content = new MemoryStream();
        await file!.CopyToAsync(content, cancellationToken);
        try
        {
            return TypedResults.Ok(await importer.ImportAsync(payer, practiceId, content.ToArray(), file.FileName, layout!, cancellationToken));
        }
        catch (DmsGuaranteeLetterException exception)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The answer file cannot be read",
                detail: exception.Row is { } row ? $"Row {row}: {exception.Message}" : exception.Message);
        }
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

    private static IResult TooLarge() =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Answer file too large",
            detail: $"A guarantee-letter answer may be at most {MaxBytes >> 20} MiB.");
}
