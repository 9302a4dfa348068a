using DentalClaimsHub.X12;

namespace DentalClaimsHub.Cli.X12;

/// <summary>Renders a <see cref="ValidationOutcome"/> for people: one line per issue with where and why.</summary>
internal static partial class ValidationPrinter
{
    public static void WriteText(TextWriter output, string file, ValidationOutcome outcome)
    {
        var errors = outcome.Issues.Count(i => i.Severity == X12IssueSeverity.Error);
        var warnings = outcome.Issues.Count(i => i.Severity == X12IssueSeverity.Warning);
        var verdict = !outcome.IsReadable ? "UNREADABLE" : outcome.IsValid ? "VALID" : "INVALID";
        var envelope = outcome.Envelope;
        var groups = envelope.Interchanges.Sum(i => i.Groups.Count);
        output.WriteLine(
            $"{file}: {verdict} - {errors} error(s), {warnings} warning(s) in {envelope.SegmentCount} segment(s) "
            + $"({envelope.Interchanges.Count} interchange(s), {groups} group(s), {envelope.TransactionSets.Count()} transaction set(s))"
            + (outcome.Schema is null ? "; envelope checks only" : ""));
        foreach (var issue in outcome.Issues)
        {
            output.WriteLine($"  {Describe(issue)}");
        }
    }

    /// <summary>"error   segment 7  loop 2300  CLM05-2  IK403-7  reason".</summary>
    public static string Describe(X12Issue issue)
    {
        var severity = issue.Severity switch
        {
            X12IssueSeverity.Error => "error",
            X12IssueSeverity.Warning => "warning",
            _ => "info",
        };
        var segment = issue.SegmentOrdinal is { } n ? $"segment {n}" : issue.ByteOffset is { } b ? $"byte {b}" : "file";
        var position = issue.SegmentId ?? "";
        if (issue.ElementPosition is { } e)
        {
            position += issue.ComponentPosition is { } c ? $"{e:00}-{c}" : $"{e:00}";
        }

        return $"{severity,-7} {segment,-12} loop {issue.LoopId ?? "-",-6} {(position.Length == 0 ? "-" : position),-8} "
            + $"{issue.Code,-12} {issue.Message}";
    }
}
