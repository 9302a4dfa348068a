using DentalClaimsHub.X12;
using DentalClaimsHub.X12.Envelopes;
using DentalClaimsHub.X12.Validation;

namespace DentalClaimsHub.Cli.X12;

/// <summary>What <c>dch x12 validate</c> found: SNIP 1 envelope report plus, when schemas exist, the schema layer's report.</summary>
internal sealed record ValidationOutcome(X12EnvelopeReport Envelope, X12ValidationReport? Schema, IReadOnlyList<X12Issue> Issues)
{
    public bool IsReadable => Envelope.IsReadable;

    public bool IsValid => IsReadable && !Issues.Any(i => i.Severity == X12IssueSeverity.Error);

    public int ExitCode => !IsReadable ? DchCli.Unreadable : IsValid ? DchCli.Valid : DchCli.Invalid;

    /// <summary>Merges both reports: one issue per code and segment, schema-layer issues (which know the loop) preferred.</summary>
    public static ValidationOutcome Combine(X12EnvelopeReport envelope, X12ValidationReport? schema)
    {
        var merged = new List<X12Issue>();
        var seen = new HashSet<(string, int?)>();
        foreach (var issue in (schema?.Findings.Select(f => f.Issue) ?? []).Concat(envelope.Issues))
        {
            if (seen.Add((issue.Code, issue.SegmentOrdinal)))
            {
                merged.Add(issue);
            }
        }

        var ordered = merged.OrderBy(i => i.SegmentOrdinal ?? 0).ThenBy(i => i.ElementPosition ?? 0).ToList();
        return new ValidationOutcome(envelope, schema, ordered);
    }
}
