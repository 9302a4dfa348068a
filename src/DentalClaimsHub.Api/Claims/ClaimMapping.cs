using DentalClaimsHub.Api.Coverages;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Values;
using static DentalClaimsHub.Api.JsonNames;

namespace DentalClaimsHub.Api.Claims;

public static class ClaimMapping
{
    public static ClaimResponse ToResponse(this Claim claim) => new(
        claim.Id,
        Camel(claim.State),
        claim.PatientControlNumber,
        claim.PayerClaimNumber,
        claim.PayerId,
        claim.PatientId,
        claim.CoverageId,
        claim.SecondaryCoverageId,
        Camel(claim.Frequency),
        Camel(claim.Purpose),
        claim.OriginalClaimId,
        claim.OriginalPayerClaimNumber,
        claim.Total.ToDto(),
        claim.PatientPaid?.ToDto(),
        claim.PlaceOfService,
        [.. claim.Diagnoses.Select(d => d.ToString())],
        [.. claim.Lines.OrderBy(l => l.LineNumber).Select(ToResponse)],
        claim.RenderingProvider is { } p
            ? new ClaimProviderResponse(p.Npi?.Value, p.OrganizationName, p.Person?.Last, p.Person?.First, p.TaxonomyCode)
            : null,
        claim.Orthodontics is { } o ? new OrthodonticsResponse(o.TotalMonths, o.RemainingMonths, o.AppliancePlacedOn) : null,
        claim.Accident is { } a ? new AccidentResponse(Camel(a.Cause), a.Date, a.StateCode, a.CountryCode) : null,
        [.. claim.MissingTeeth.Select(m => new MissingToothResponse(m.Tooth.Value, m.Status == MissingToothStatus.Missing ? "missing" : "to-be-extracted"))],
        [.. claim.Attachments.Select(x => new AttachmentResponse(x.ReportType, Camel(x.Transmission), x.ControlNumber, x.ContentType, x.SizeBytes, x.FileName))],
        claim.PriorAuthorizationNumber,
        claim.PredeterminationNumber,
        claim.Note,
        claim.CreatedAt,
        claim.UpdatedAt,
        [.. claim.Timeline.OrderBy(t => t.Sequence).Select(t =>
            new ClaimTimelineResponse(t.Sequence, t.From is { } from ? Camel(from) : null, Camel(t.To), t.At, t.Actor, t.Reason, t.RawMessageId))]);

    public static ClaimSummaryResponse ToSummary(this Claim claim) => new(
        claim.Id,
        Camel(claim.State),
        claim.PatientControlNumber,
        claim.PayerClaimNumber,
        claim.PayerId,
        claim.PatientId,
        Camel(claim.Frequency),
        Camel(claim.Purpose),
        claim.Total.ToDto(),
        claim.Lines.Count,
        claim.Lines.Min(l => l.ServiceDate),
        claim.CreatedAt,
        claim.UpdatedAt);

    /// <summary>Parses a state as the API writes it (<c>queued</c>, <c>partiallyPaid</c>), case-insensitive.</summary>
    public static bool TryParseState(string? text, out ClaimState state) =>
        Enum.TryParse(text, ignoreCase: true, out state) && Enum.IsDefined(state) && !int.TryParse(text, out _);

    private static ClaimLineResponse ToResponse(ClaimLine line) => new(
        line.LineNumber,
        line.LineControlNumber,
        line.Procedure.Code,
        line.Procedure.System == ProcedureCodeSystem.Cdt ? "cdt" : "804n",
        line.Tooth?.Value,
        [.. line.AdditionalTeeth.Select(t => t.Value)],
        line.Surfaces.IsEmpty ? null : line.Surfaces.Value,
        line.Area?.ToX12Code(),
        line.Prosthesis is { } prosthesis ? Camel(prosthesis) : null,
        line.PriorPlacementDate,
        line.Units,
        line.Fee.ToDto(),
        line.ServiceDate,
        [.. line.DiagnosisPointers],
        line.PriorAuthorizationNumber);

    private static MoneyDto ToDto(this Money money) => MoneyDto.Of(money);
}
