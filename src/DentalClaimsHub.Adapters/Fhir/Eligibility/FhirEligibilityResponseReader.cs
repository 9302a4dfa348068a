using System.Text;
using DentalClaimsHub.Domain.Eligibility;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace DentalClaimsHub.Adapters.Fhir.Eligibility;

/// <summary>
/// Reads a payer's <c>CoverageEligibilityResponse</c> JSON (alone or first in a Bundle) into the canonical result.
/// Parses in the SDK's recoverable mode: unknown elements and bad values become issues, never exceptions.
/// </summary>
public sealed class FhirEligibilityResponseReader(TimeProvider timeProvider)
{
    private const int MaxChars = 8 * 1024 * 1024;
    private static readonly FhirJsonDeserializer Lenient = new(new DeserializerSettings().UsingMode(DeserializationMode.Recoverable));

    // Recoverable mode silently drops what it can recover from; a strict pass names it so the payer's issues are reported.
    private static readonly FhirJsonDeserializer Strict = new(new DeserializerSettings().UsingMode(DeserializationMode.Strict));

    /// <summary>Reads UTF-8 JSON bytes.</summary>
    public FhirEligibilityReport Read(ReadOnlySpan<byte> json, string defaultCurrency = "USD") =>
        json.Length > MaxChars
            ? FhirEligibilityReport.Failed([$"The response is {json.Length} bytes; at most {MaxChars} are accepted."])
            : Read(Encoding.UTF8.GetString(json), defaultCurrency);

    /// <summary>Reads JSON text.</summary>
    public FhirEligibilityReport Read(string json, string defaultCurrency = "USD")
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxChars)
        {
            return FhirEligibilityReport.Failed([$"The response is {json.Length} characters; at most {MaxChars} are accepted."]);
        }

        Resource? resource;
        List<string> issues;
        try
        {
            Lenient.TryDeserializeResource(json, out resource, out var problems);
            Strict.TryDeserializeResource(json, out _, out var strictProblems);
            issues = [.. problems.Concat(strictProblems).Select(p => $"{p.ErrorCode}: {p.Message}").Distinct()];
        }
        catch (Exception e) when (e is FormatException or DeserializationFailedException or Hl7.Fhir.Utility.CodedException
            or System.Text.Json.JsonException or InvalidOperationException)
        {
            return FhirEligibilityReport.Failed([$"The response is not FHIR JSON: {e.Message}"]);
        }

        return Read(resource, defaultCurrency, issues);
    }

    /// <summary>
    /// Reads a resource already parsed (e.g. by <c>FhirClient</c>): a CoverageEligibilityResponse, or a Bundle whose
    /// first such entry is used. Only mapping notes are reported; parse notes belong to whoever parsed it.
    /// </summary>
    public FhirEligibilityReport Read(Resource? resource, string defaultCurrency = "USD") => Read(resource, defaultCurrency, []);

    private FhirEligibilityReport Read(Resource? resource, string defaultCurrency, List<string> issues)
    {
        var response = resource switch
        {
            CoverageEligibilityResponse r => r,
            Bundle b => b.Entry.Select(e => e.Resource).OfType<CoverageEligibilityResponse>().FirstOrDefault(),
            _ => null,
        };
        if (response is null)
        {
            var what = resource is OperationOutcome outcome
                ? "an OperationOutcome: "
                    + string.Join("; ", outcome.Issue.Select(i => i.Diagnostics ?? i.Details?.Text ?? i.Code?.ToString()))
                : resource?.TypeName ?? "nothing readable";
            return FhirEligibilityReport.Failed(issues.Prepend($"Expected a CoverageEligibilityResponse, got {what}."));
        }

        try
        {
            var mapping = new FhirEligibilityMapping(defaultCurrency, issues);
            return new FhirEligibilityReport(mapping.Map(response, timeProvider.GetUtcNow()), issues);
        }
        catch (Exception e) when (e is Domain.DomainException or FormatException or OverflowException or Hl7.Fhir.Utility.CodedException
            or InvalidCastException)
        {
            return FhirEligibilityReport.Failed(issues.Append($"The response could not be mapped: {e.Message}"));
        }
    }
}
