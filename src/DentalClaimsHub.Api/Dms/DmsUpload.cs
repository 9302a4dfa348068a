using System.Security.Claims;
using DentalClaimsHub.Api.Auth;
using DentalClaimsHub.Api.Patients;
using DentalClaimsHub.Api.Validation;
using Microsoft.AspNetCore.Http.Features;

namespace DentalClaimsHub.Api.Dms;

/// <summary>How one kind of ДМС file names itself in its upload errors.</summary>
/// <param name="Noun">The file in the field errors: "Send the {Noun} in a part named 'file'".</param>
/// <param name="NoLayout">The <c>$.insurer</c> error for an insurer (its payer id given) without a layout for this kind.</param>
/// <param name="TooLargeTitle">The 413 title.</param>
/// <param name="Subject">The 413 detail's subject: "{Subject} may be at most 10 MiB."</param>
/// <param name="UnreadableTitle">The 422 title for a file the reader cannot read.</param>
internal sealed record DmsUploadWording(string Noun, Func<string, string> NoLayout, string TooLargeTitle, string Subject, string UnreadableTitle)
{
    /// <summary>The 422 for a file the reader cannot read, with the row it stopped at.</summary>
    public IResult Unreadable(int? row, string reason) =>
        TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: UnreadableTitle,
            detail: row is { } number ? $"Row {number}: {reason}" : reason);
}

/// <summary>
/// The multipart upload of a ДМС insurer's file, shared by the insurer's push (<c>/inbound/{insurer}/…</c>) and a clinic's import
/// (<c>/v1/…/import</c> with an <c>insurer</c> field): the size limits, the <c>file</c> part, the insurer's layout, the errors, and
/// the importer's result as 200. Its two methods are the endpoints' handlers (the importer comes from the request's services).
/// </summary>
/// <param name="wording">How the errors name the file.</param>
/// <param name="layout">The insurer's layout for this kind of file, or null when it has none.</param>
/// <param name="import">Reads and applies the file: payer, the uploading clinic (null for the insurer), content, file name, layout.</param>
/// <param name="problem">The Problem Details for an exception the importer throws on purpose; null lets it through.</param>
internal sealed class DmsUpload<TImporter, TLayout, TResult>(DmsUploadWording wording, Func<TImporter, string, TLayout?> layout,
    Func<TImporter, string, Guid?, byte[], string, TLayout, CancellationToken, Task<TResult>> import, Func<Exception, IResult?> problem)
    where TLayout : class
{
    private const long MaxBytes = 10 << 20;

    // The multipart envelope around the file may add up to 1 MiB.
    private const long MaxRequestBytes = MaxBytes + (1 << 20);

    /// <summary>The insurer pushes its own file: the payer in the path must be the key's.</summary>
    public async Task<IResult> FromInsurerAsync(string payer, HttpRequest request, TImporter importer, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (user.ForbidOtherInsurer(payer) is { } forbidden)
        {
            return forbidden;
        }

        return await ReadAsync(request, importer, payer, null, new ValidationErrors(), cancellationToken);
    }

    /// <summary>A clinic imports a file it got by e-mail, naming the insurer in the form field <c>insurer</c>.</summary>
    public async Task<IResult> FromPracticeAsync(HttpRequest request, TImporter importer, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.GetPracticeId() is not { } practiceId)
        {
            return PatientsApi.PracticeKeyRequired();
        }

        var errors = new ValidationErrors();
        string? payer = null;
        if (request.HasFormContentType && request.ContentLength is null or <= MaxRequestBytes)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            payer = PatientValidation.Blank(form["insurer"]);
            if (payer is null)
            {
                errors.Add("$.insurer", $"Name the ДМС insurer (its payer id) whose {wording.Noun} this is.");
            }
        }

        return await ReadAsync(request, importer, payer ?? "", practiceId, errors, cancellationToken);
    }

    private async Task<IResult> ReadAsync(HttpRequest request, TImporter importer, string payer, Guid? practiceId, ValidationErrors errors,
        CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxRequestBytes)
        {
            return TooLarge();
        }

        if (!request.HasFormContentType)
        {
            return errors.Add("$.file", $"Send multipart/form-data with the {wording.Noun} in a part named 'file'.").ToResult();
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxRequestBytes;
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var found = payer.Length == 0 ? null : layout(importer, payer);
        if (payer.Length > 0 && found is null)
        {
            errors.Add("$.insurer", wording.NoLayout(payer));
        }

        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            errors.Add("$.file", $"Send the {wording.Noun} in a part named 'file' (not empty).");
        }
        else if (file.Length > MaxBytes)
        {
            return TooLarge();
        }

        if (!errors.IsEmpty)
        {
            return errors.ToResult();
        }

        // ДМС files are small next to the limit: read whole, kept raw in the message store by the importer.
        using var content = new MemoryStream();
        await file!.CopyToAsync(content, cancellationToken);
        try
        {
            return TypedResults.Ok(await import(importer, payer, practiceId, content.ToArray(), file.FileName, found!, cancellationToken));
        }
        catch (Exception exception) when (problem(exception) is not null)
        {
            return problem(exception)!;
        }
    }

    private IResult TooLarge() =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: wording.TooLargeTitle,
            detail: $"{wording.Subject} may be at most {MaxBytes >> 20} MiB.");
}
