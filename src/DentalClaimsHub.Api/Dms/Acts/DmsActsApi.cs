using System.Security.Claims;
using DentalClaimsHub.Adapters.DependencyInjection;
using DentalClaimsHub.Adapters.Dms.Acts;
using DentalClaimsHub.Adapters.Dms.Mappings;
using DentalClaimsHub.Api.Auth;
using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Api.Validation;
using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.Access;
using DentalClaimsHub.Storage.DmsActs;
using DmsActLine = DentalClaimsHub.Storage.DmsActs.DmsActLine;
using Microsoft.EntityFrameworkCore;

namespace DentalClaimsHub.Api.Dms.Acts;

/// <summary>
/// ДМС insurers' reconciliation acts: <c>POST /inbound/{insurer}/acts</c> with the insurer's key and <c>POST /v1/dms/acts/import</c>
/// for a clinic that got the act by e-mail (multipart <c>file</c>, applied at once), <c>GET /v1/dms/acts/{id}</c>, and the work
/// items of refused or unmatched lines: <c>POST /v1/dms/acts/{id}/lines/{line}/dispute</c> and <c>…/accept</c> with a note.
/// </summary>
public static class DmsActsApi
{
    private static readonly DmsUploadWording Wording = new("act",
        payer => $"The hub has no act layout for insurer '{payer}' (payer profile dms.registryMapping → mappings/dms, acts).",
        "Act file too large", "A reconciliation act", "The act cannot be read");

    private static readonly DmsUpload<DmsActImporter, DmsActLayout, DmsActView> Upload = new(Wording,
        (importer, payer) => importer.Layout(payer),
        (importer, payer, practiceId, content, fileName, layout, cancellationToken) =>
            importer.ImportAsync(payer, practiceId, content, fileName, layout, cancellationToken),
        exception => exception switch
        {
            DmsActException unreadable => Wording.Unreadable(unreadable.Row, unreadable.Message),
            DmsActRefusedException refused => TypedResults.Problem(statusCode: refused.Status, title: refused.Title, detail: refused.Message),
            _ => null,
        });

    public static WebApplicationBuilder AddDmsActs(this WebApplicationBuilder builder)
    {
        if (!builder.Services.Any(service => service.ServiceType == typeof(DmsMappingCatalog)))
        {
            builder.Services.AddDmsMappings(builder.Configuration);
        }

        builder.Services.AddScoped<DmsActImporter>();
        return builder;
    }

    public static WebApplication MapDmsActsApi(this WebApplication app)
    {
        app.MapPost("/inbound/{payer}/acts", Upload.FromInsurerAsync).RequireScope(Scopes.Inbound).WithTags("Inbound")
            .WithName("ReceiveDmsAct").DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Takes the insurer's reconciliation act (multipart file) and applies it to the claims of the clinic it answers.")
            .Produces<DmsActView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        var group = app.MapGroup("/v1/dms/acts").WithTags("ДМС acts");
        group.MapPost("/import", Upload.FromPracticeAsync).RequireScope(Scopes.ClaimsWrite).WithName("ImportDmsAct").DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Imports a ДМС insurer's reconciliation act (принято / снято with reasons): multipart file and insurer (payer id).")
            .Produces<DmsActView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/work-items", WorkItemsAsync).RequireScope(Scopes.ClaimsRead).WithName("ListDmsActWorkItems")
            .WithSummary("The clinic's refused and unmatched act lines by status (default open), optionally for one insurer, oldest act first.")
            .Produces<IReadOnlyList<DmsActWorkItem>>().ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetAsync).RequireScope(Scopes.ClaimsRead).WithName("GetDmsAct")
            .WithSummary("An imported act with its lines, what each matched and its work item.").Produces<DmsActView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/lines/{line:int}/dispute", DisputeAsync).RequireScope(Scopes.ClaimsWrite).WithName("DisputeDmsActLine")
            .WithSummary("The clinic contests a refused or unmatched line with the insurer (note required).").Produces<DmsActLineView>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/lines/{line:int}/accept", AcceptAsync).RequireScope(Scopes.ClaimsWrite).WithName("AcceptDmsActLine")
            .WithSummary("The clinic agrees with a refusal and writes it off (note required).").Produces<DmsActLineView>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<IResult> WorkItemsAsync(string? status, string? insurer, HubDbContext db, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (user.GetPracticeId() is null)
        {
            return PatientsApi.PracticeKeyRequired();
        }

        if (!Enum.TryParse<DmsActWorkStatus>(status ?? "open", ignoreCase: true, out var wanted) || wanted == DmsActWorkStatus.None
            || !Enum.IsDefined(wanted) || char.IsDigit((status ?? "open")[0]))
        {
            return ValidationErrors.Single("$.status", "Use open, disputed or accepted.").ToResult();
        }

        var items = await (
                from line in db.DmsActLines.AsNoTracking()
                join act in db.DmsActs.AsNoTracking() on line.ActId equals act.Id
                where line.WorkStatus == wanted && (insurer == null || act.PayerId == insurer)
                orderby act.ImportedAt, act.Id, line.Row
                select new { act.Id, act.PayerId, act.Number, act.ImportedAt, line })
            .Take(500)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(items.Select(i => new DmsActWorkItem(i.Id, i.PayerId, i.Number, i.ImportedAt, DmsActLineView.Of(i.line))).ToList());
    }

    private static async Task<IResult> GetAsync(Guid id, HubDbContext db, CancellationToken cancellationToken)
    {
        var act = await db.DmsActs.AsNoTracking().Include(a => a.Lines).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        return act is null ? NotFound(id) : TypedResults.Ok(DmsActView.Of(act, unchanged: false));
    }

    private static Task<IResult> DisputeAsync(Guid id, int line, DmsActLineWorkRequest request, HubDbContext db, ClaimsPrincipal user, TimeProvider time,
        CancellationToken cancellationToken) =>
        WorkAsync(id, line, request, db, cancellationToken, item => item.Dispute(request.Note!.Trim(), "key:" + user.GetKeyId(), time.GetUtcNow()));

    private static Task<IResult> AcceptAsync(Guid id, int line, DmsActLineWorkRequest request, HubDbContext db, ClaimsPrincipal user, TimeProvider time,
        CancellationToken cancellationToken) =>
        WorkAsync(id, line, request, db, cancellationToken, item => item.Accept(request.Note!.Trim(), "key:" + user.GetKeyId(), time.GetUtcNow()));

    private static async Task<IResult> WorkAsync(Guid id, int line, DmsActLineWorkRequest request, HubDbContext db, CancellationToken cancellationToken,
        Action<DmsActLine> work)
    {
        var errors = new ValidationErrors().Required("$.note", request.Note?.Trim() is { Length: > 0 } ? request.Note : null,
            "Say why (the clinic's note).").MaxLength("$.note", request.Note, 1000);
        if (!errors.IsEmpty)
        {
            return errors.ToResult();
        }

        var item = await db.DmsActLines.SingleOrDefaultAsync(l => l.ActId == id && l.Row == line, cancellationToken);
        if (item is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Act line not found", detail: $"No line {line} in ДМС act {id} here.");
        }

        try
        {
            work(item);
        }
        catch (InvalidOperationException exception)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Act line is not open", detail: exception.Message);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(DmsActLineView.Of(item));
    }

    private static IResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Act not found", detail: $"No ДМС act {id} here.");
}
