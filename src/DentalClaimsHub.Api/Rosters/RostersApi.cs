using System.Security.Claims;
using DentalClaimsHub.Api.Auditing;
using DentalClaimsHub.Api.Auth;
using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Api.Validation;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Access;
using DentalClaimsHub.Storage.Rosters;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DentalClaimsHub.Api.Rosters;

/// <summary>An import's progress and outcome. <c>errors</c> holds cells as written (personal data): reading it is audited.</summary>
public sealed record RosterImportView(
    Guid Id, string Insurer, string FileName, string Status, bool Duplicate, string? Kind, string? Format, string? Encoding,
    string? DocumentNumber, DateOnly? DocumentDate, string? ContractNumber, DateOnly? AsOf, RosterImportProgress Progress,
    RosterImportCounts Counts, int ErrorCount, IReadOnlyList<RosterImportError> Errors, string? Failure, int? FailureRow,
    DateTimeOffset ReceivedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, bool FileStored, DateTimeOffset PurgeAfter)
{
    public static RosterImportView Of(RosterImport i, bool duplicate = false) => new(
        i.Id, i.PayerId, i.FileName, i.Status.ToString().ToLowerInvariant(), duplicate, i.Kind, i.Format, i.Encoding, i.DocumentNumber,
        i.DocumentDate, i.ContractNumber, i.AsOf,
        new RosterImportProgress(i.RowsRead, i.BytesRead, i.Size, i.Size == 0 ? 0 : (int)Math.Min(100, i.BytesRead * 100 / i.Size)),
        new RosterImportCounts(i.Attached, i.Detached, i.Changed, i.Unchanged, i.Duplicates), i.ErrorCount,
        [.. i.Errors.Select(e => e with { Code = null, Args = null })], i.Failure, i.FailureRow,
        i.ReceivedAt, i.StartedAt, i.FinishedAt, i.PurgedAt is null, i.PurgeAfter);
}

public sealed record RosterImportProgress(int RowsRead, long BytesRead, long Size, int Percent);

public sealed record RosterImportCounts(int Attached, int Detached, int Changed, int Unchanged, int Duplicates);

/// <summary>
/// Roster files in: <c>POST /inbound/{insurer}/rosters</c> for the insurer (its key; the clinic named by id or ИНН) and
/// <c>POST /v1/roster-imports</c> for a clinic that received the file by e-mail (what <c>dch roster import</c> calls).
/// Both answer 202 with the import to follow at <c>GET /v1/roster-imports/{id}</c> (or the insurer's own
/// <c>GET /inbound/{insurer}/rosters/{id}</c>).
/// </summary>
public static class RostersApi
{
    public static WebApplication MapRostersApi(this WebApplication app)
    {
        app.MapPost("/inbound/{payer}/rosters", ReceiveFromInsurerAsync).RequireScope(Scopes.Inbound).WithTags("Inbound").WithName("ReceiveRoster")
            .DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Takes an insured roster (прикрепление, открепление or a full list) for one clinic: multipart file, practice (id or ИНН), password for a protected ZIP, partial.")
            .Produces<RosterImportView>(StatusCodes.Status202Accepted).Produces<RosterImportView>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        app.MapGet("/inbound/{payer}/rosters/{id:guid}", GetForInsurerAsync).RequireScope(Scopes.Inbound).WithTags("Inbound").WithName("GetInsurerRosterImport")
            .WithSummary("An import of a roster this insurer sent (without the cells of bad rows).").Produces<RosterImportView>().ProducesProblem(StatusCodes.Status404NotFound);
        var group = app.MapGroup("/v1/roster-imports").WithTags("Rosters");
        group.MapPost("/", ReceiveFromPracticeAsync).RequireScope(Scopes.PatientsWrite).WithName("ImportRoster").DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Imports a roster an insurer sent the clinic: multipart file, insurer (payer id), password for a protected ZIP, partial.")
            .Produces<RosterImportView>(StatusCodes.Status202Accepted).Produces<RosterImportView>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("/{id:guid}", GetAsync).RequireScope(Scopes.PatientsRead).WithName("GetRosterImport")
            .WithSummary("An import's progress, counts and line-numbered report (audited: the report quotes cells).")
            .Produces<RosterImportView>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/", ListAsync).RequireScope(Scopes.PatientsRead).WithName("ListRosterImports")
            .WithSummary("The clinic's latest 50 imports, newest first (reports left out).").Produces<IReadOnlyList<RosterImportView>>();
        return app;
    }

    private static async Task<IResult> ReceiveFromInsurerAsync(string payer, HttpRequest request, HubDbContext db, RosterImports imports,
        ClaimsPrincipal user, IOptions<RosterOptions> options, CancellationToken cancellationToken)
    {
        if (user.ForbidOtherInsurer(payer) is { } forbidden)
        {
            return forbidden;
        }

        var (form, problem) = await ReadFormAsync(request, options.Value, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        var practiceText = PatientValidation.Blank(form!["practice"]);
        Guid? practiceId = null;
        if (practiceText is null)
        {
            errors.Add("$.practice", "Name the clinic the roster is for: its id or its ИНН.");
        }
        else if (Guid.TryParse(practiceText, out var id))
        {
            practiceId = await db.Practices.Where(p => p.Id == id).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
        }
        else if (Inn.TryParse(practiceText, out var inn))
        {
            var matches = await db.Practices.Where(p => p.Inn == inn).Select(p => p.Id).Take(2).ToListAsync(cancellationToken);
            practiceId = matches.Count == 1 ? matches[0] : null;
            if (matches.Count > 1)
            {
                errors.Add("$.practice", "Several clinics share this ИНН; name the clinic by its id.");
            }
        }

        if (practiceText is not null && practiceId is null && errors.IsEmpty)
        {
            errors.Add("$.practice", "No clinic with this id or ИНН is served by the hub.");
        }

        return await ReceiveAsync(form!, practiceId, payer, "api", imports, errors, cancellationToken);
    }

    private static async Task<IResult> ReceiveFromPracticeAsync(HttpRequest request, RosterImports imports, ClaimsPrincipal user,
        IOptions<RosterOptions> options, CancellationToken cancellationToken)
    {
        if (user.GetPracticeId() is not { } practiceId)
        {
            return PatientsApi.PracticeKeyRequired();
        }

        var (form, problem) = await ReadFormAsync(request, options.Value, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        var payer = PatientValidation.Blank(form!["insurer"]);
        if (payer is null)
        {
            errors.Add("$.insurer", "Name the insurer (its payer id) whose roster this is.");
        }

        var source = PatientValidation.Blank(form["source"]) == "cli" ? "cli" : "api";
        return await ReceiveAsync(form, practiceId, payer ?? "", source, imports, errors, cancellationToken);
    }

    private static async Task<IResult> ReceiveAsync(IFormCollection form, Guid? practiceId, string payer, string source, RosterImports imports,
        ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (payer.Length > 0 && !imports.Knows(payer))
        {
            errors.Add("$.insurer", $"The hub has no roster layout for insurer '{payer}' (payer profile dms.registryMapping → mappings/dms).");
        }

        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            errors.Add("$.file", "Send the roster in a part named 'file' (not empty).");
        }

        var partial = false;
        if (PatientValidation.Blank(form["partial"]) is { } partialText && !bool.TryParse(partialText, out partial))
        {
            errors.Add("$.partial", "Use true or false.");
        }

        if (!errors.IsEmpty)
        {
            return errors.ToResult();
        }

        await using var content = file!.OpenReadStream();
        try
        {
            var (import, duplicate) = await imports.ReceiveAsync(practiceId!.Value, payer, file.FileName, content,
                PatientValidation.Blank(form["password"]), partial, source, cancellationToken);
            var view = RosterImportView.Of(import, duplicate);
            return duplicate ? TypedResults.Ok(view) : TypedResults.Accepted($"/v1/roster-imports/{import.Id}", view);
        }
        catch (RosterFileTooLargeException exception)
        {
            return TooLarge(exception.MaxBytes);
        }
    }

    private static async Task<IResult> GetAsync(Guid id, HubDbContext db, AuditTrail audit, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var import = await db.RosterImports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (import is null)
        {
            return NotFound(id);
        }

        if (import.Errors.Count > 0)
        {
            await audit.RecordReadAsync(user, "roster_import", [import.Id], cancellationToken);
        }

        return TypedResults.Ok(RosterImportView.Of(import));
    }

    private static async Task<IResult> GetForInsurerAsync(string payer, Guid id, HubDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var import = user.FindFirstValue(HubClaims.PayerId) == payer
            ? await db.RosterImports.AsNoTracking().IgnoreQueryFilters().SingleOrDefaultAsync(i => i.Id == id && i.PayerId == payer, cancellationToken)
            : null;
        if (import is null)
        {
            return NotFound(id);
        }

        var view = RosterImportView.Of(import);
        return TypedResults.Ok(view with { Errors = [.. view.Errors.Select(e => e with { Value = null })] });
    }

    private static async Task<IResult> ListAsync(HubDbContext db, CancellationToken cancellationToken)
    {
        var imports = await db.RosterImports.AsNoTracking().OrderByDescending(i => i.ReceivedAt).Take(50).ToListAsync(cancellationToken);
        return TypedResults.Ok(imports.Select(i => RosterImportView.Of(i) with { Errors = [] }).ToList());
    }

    private static async Task<(IFormCollection? Form, IResult? Problem)> ReadFormAsync(HttpRequest request, RosterOptions options,
        CancellationToken cancellationToken)
    {
        if (request.ContentLength > options.MaxBytes + (1 << 20))
        {
            return (null, TooLarge(options.MaxBytes));
        }

        if (!request.HasFormContentType)
        {
            return (null, new ValidationErrors().Add("$.file", "Send multipart/form-data with the roster in a part named 'file'.").ToResult());
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxBytes + (1 << 20);
        }

        try
        {
            return (await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = options.MaxBytes + (1 << 20) }, cancellationToken), null);
        }
        catch (InvalidDataException)
        {
            return (null, TooLarge(options.MaxBytes));
        }
    }

    private static IResult TooLarge(long max) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Roster file too large",
            detail: $"A roster file may be at most {max / (1 << 20)} MiB (Hub:Rosters:MaxBytes).");

    private static IResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Roster import not found", detail: $"No roster import {id} here.");
}
