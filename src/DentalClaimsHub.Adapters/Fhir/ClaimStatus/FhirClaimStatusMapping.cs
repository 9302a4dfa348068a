using System.Globalization;
using DentalClaimsHub.Domain.Claims.Status;
using Hl7.Fhir.Model;

namespace DentalClaimsHub.Adapters.Fhir.ClaimStatus;

/// <summary>
/// Reads a FHIR payer's status answer into the canonical <see cref="ClaimStatusResult"/>, with the status expressed in the
/// X12 claim status categories the poller acts on: ClaimResponse.outcome <c>queued</c> → A2 (accepted), <c>partial</c> →
/// P1 (in adjudication), <c>error</c> → A3 (returned: correct and resend), <c>complete</c> → F1 when the payer pays,
/// F2 (denied) when nothing is paid and every item carries a reason, else F0; an unknown claim → A4. The words the payer
/// used go to <see cref="ClaimStatusResult.Summary"/>.
/// </summary>
public static class FhirClaimStatusMapping
{
    private const string Payer = "PR";
    private const int MaxDispositionLength = 200;

    /// <summary>The status a ClaimResponse reports for the claim <paramref name="query"/> asks about.</summary>
    public static ClaimStatusResult FromClaimResponse(ClaimResponse response, ClaimStatusQuery query, string? traceNumber = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(query);
        var problems = new List<string>();
        var echoed = response.Request?.Identifier?.Value;
        if (echoed is { Length: > 0 } && !string.Equals(echoed, query.PatientControlNumber, StringComparison.OrdinalIgnoreCase))
        {
            return ClaimStatusResult.Failed(ClaimStatusFailureKind.Unusable,
                "The payer's ClaimResponse answers another claim (its request identifier is not this claim's).",
                query.PatientControlNumber, traceNumber ?? query.TraceNumber);
        }

        var date = Date(response.CreatedElement, problems);
        var charge = Total(response.Total, "submitted");
        var paid = response.Payment?.Amount?.Value ?? Total(response.Total, "benefit");
        var lines = response.Item.Select(item => Line(item, response.Outcome)).ToList();
        var (category, code, verdict) = response.Outcome switch
        {
            ClaimProcessingCodes.Queued => ("A2", "20", "accepted, not yet adjudicated"),
            ClaimProcessingCodes.Partial => ("P1", "", "in adjudication"),
            ClaimProcessingCodes.Error => ("A3", "21", "returned with errors" + Errors(response)),
            ClaimProcessingCodes.Complete when paid > 0m =>
                ("F1", "65", $"adjudicated, paid {paid.Value.ToString("0.00", CultureInfo.InvariantCulture)}"),
            ClaimProcessingCodes.Complete when IsDenial(response, paid) => ("F2", "", "adjudicated, denied" + Reasons(response)),
            ClaimProcessingCodes.Complete => ("F0", "", "adjudicated"),
            _ => (null, null, null),
        };
        if (category is null)
        {
            problems.Add($"ClaimResponse.outcome '{response.OutcomeElement?.JsonValue ?? "(none)"}' is not queued, partial, complete or error.");
            return new ClaimStatusResult
            {
                PatientControlNumber = query.PatientControlNumber, TraceNumber = traceNumber ?? query.TraceNumber, Problems = problems,
                PayerClaimNumber = PayerNumber(response),
                Summary = "FHIR ClaimResponse without a usable outcome",
            };
        }

        var outcome = response.OutcomeElement!.JsonValue as string ?? response.Outcome!.Value.ToString().ToLowerInvariant();
        return new ClaimStatusResult
        {
            PatientControlNumber = echoed ?? query.PatientControlNumber,
            PayerClaimNumber = PayerNumber(response),
            TraceNumber = traceNumber ?? query.TraceNumber,
            Statuses = [new ClaimStatusEntry(category, code!, Payer, date, charge, paid)],
            Lines = lines,
            Problems = problems,
            Summary = $"FHIR ClaimResponse {outcome} ({category}): {verdict}{Disposition(response.Disposition)}",
        };
    }

    /// <summary>The status a Task output states as a bare ClaimResponse outcome code (no ClaimResponse to read).</summary>
    public static ClaimStatusResult FromOutcomeCode(string code, ClaimStatusQuery query, string? traceNumber = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        var outcome = Enum.GetValues<ClaimProcessingCodes>()
            .Where(c => string.Equals(c.ToString(), code, StringComparison.OrdinalIgnoreCase)).Cast<ClaimProcessingCodes?>().FirstOrDefault();
        return FromClaimResponse(new ClaimResponse { Outcome = outcome }, query, traceNumber);
    }

    /// <summary>The payer has no claim under the identifiers asked (X12 A4).</summary>
    public static ClaimStatusResult NotFound(ClaimStatusQuery query, string? diagnostics, string? traceNumber = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new ClaimStatusResult
        {
            PatientControlNumber = query.PatientControlNumber,
            TraceNumber = traceNumber ?? query.TraceNumber,
            Statuses = [new ClaimStatusEntry("A4", "", Payer)],
            Summary = "FHIR status Task: the payer has no such claim" + Disposition(diagnostics),
        };
    }

    /// <summary>The payer took the Task but has not answered it yet (202, or a Task still requested/in progress).</summary>
    public static ClaimStatusResult NotYet(ClaimStatusQuery query, string taskStatus, string? traceNumber = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new ClaimStatusResult
        {
            PatientControlNumber = query.PatientControlNumber,
            TraceNumber = traceNumber ?? query.TraceNumber,
            Summary = $"FHIR status Task {taskStatus}: the payer has not answered yet",
        };
    }

    private static ClaimStatusLine Line(ClaimResponse.ItemComponent item, ClaimProcessingCodes? outcome)
    {
        var charge = Amount(item.Adjudication, "submitted");
        var paid = Amount(item.Adjudication, "benefit");
        var reason = item.Adjudication.Select(a => a.Reason).FirstOrDefault(r => r is not null);
        var category = outcome switch
        {
            ClaimProcessingCodes.Complete when paid > 0m => "F1",
            ClaimProcessingCodes.Complete when paid == 0m && reason is not null => "F2",
            ClaimProcessingCodes.Complete => "F0",
            ClaimProcessingCodes.Error => "A3",
            ClaimProcessingCodes.Partial => "P1",
            _ => "A2",
        };
        var lineControl = item.GetExtensionValue<Identifier>(Claims.FhirClaimSystems.LineControlNumberExtension)?.Value;
        return new ClaimStatusLine(null, lineControl ?? item.ItemSequence?.ToString(CultureInfo.InvariantCulture), charge, paid, null,
            [new ClaimStatusEntry(category, "", Payer, TotalCharge: charge, PaidAmount: paid)]);
    }

    // Nothing paid and a reason on every item: the payer said no, rather than "applied to the deductible".
    private static bool IsDenial(ClaimResponse response, decimal? paid) =>
        paid is null or 0m
        && response.Item.Count > 0
        && response.Item.All(i => i.Adjudication.Any(a => a.Reason is not null) && (Amount(i.Adjudication, "benefit") ?? 0m) == 0m);

    private static decimal? Total(List<ClaimResponse.TotalComponent> totals, string category) =>
        totals.FirstOrDefault(t => HasCode(t.Category, category))?.Amount?.Value;

    private static decimal? Amount(List<ClaimResponse.AdjudicationComponent> adjudication, string category) =>
        adjudication.FirstOrDefault(a => HasCode(a.Category, category))?.Amount?.Value;

    private static bool HasCode(CodeableConcept? concept, string code) =>
        concept?.Coding.Any(c => string.Equals(c.Code, code, StringComparison.Ordinal)) == true;

    private static string? PayerNumber(ClaimResponse response) =>
        response.Identifier.FirstOrDefault(i => !string.IsNullOrWhiteSpace(i.Value))?.Value is { } value && value.Length <= 50 ? value : null;

    private static string Errors(ClaimResponse response)
    {
        var codes = response.Error.SelectMany(e => e.Code?.Coding ?? []).Select(c => c.Code).Where(c => !string.IsNullOrEmpty(c)).Distinct().ToList();
        return codes.Count == 0 ? "" : $" ({string.Join(", ", codes.Take(5))})";
    }

    private static string Reasons(ClaimResponse response)
    {
        var reasons = response.Item.SelectMany(i => i.Adjudication).Select(a => a.Reason).OfType<CodeableConcept>()
            .Select(r => r.Coding.FirstOrDefault()?.Code ?? r.Text).Where(r => !string.IsNullOrEmpty(r)).Distinct().ToList();
        return reasons.Count == 0 ? "" : $" ({string.Join(", ", reasons.Take(5))})";
    }

    private static string Disposition(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var trimmed = text.Trim();
        return ": " + (trimmed.Length <= MaxDispositionLength ? trimmed : trimmed[..MaxDispositionLength] + "…");
    }

    private static DateOnly? Date(FhirDateTime? created, List<string> problems)
    {
        if (created?.Value is null)
        {
            return null;
        }

        if (created.TryToDateTimeOffset(out var instant))
        {
            return DateOnly.FromDateTime(instant.UtcDateTime);
        }

        problems.Add("ClaimResponse.created is not a date.");
        return null;
    }
}
