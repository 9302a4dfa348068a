using DentalClaimsHub.Adapters.X12.Messages;
using DentalClaimsHub.X12;
using DentalClaimsHub.X12.Parsing;
using DentalClaimsHub.X12.Schemas;

namespace DentalClaimsHub.Adapters.X12.ClaimStatus;

/// <summary>
/// Reads a 005010X212 277 claim status response into one <see cref="Domain.Claims.Status.ClaimStatusResult"/> per
/// 2200D/2200E claim loop, through the schema-driven loop tree. Never throws for bad input: what it cannot read becomes
/// problems on the report.
/// </summary>
public sealed class ClaimStatus277Reader(X12SchemaRegistry registry)
{
    private const int MaxBytes = 16 * 1024 * 1024;
    private const string Guide = "005010X212";
    private readonly X12Parser _parser = new(registry);

    /// <summary>Reads the 277 in <paramref name="payload"/>.</summary>
    public ClaimStatus277Report Read(ReadOnlyMemory<byte> payload)
    {
        if (payload.Length == 0)
        {
            return ClaimStatus277Report.Failed("The 277 is empty.");
        }

        if (payload.Length > MaxBytes)
        {
            return ClaimStatus277Report.Failed($"The 277 is {payload.Length} bytes; at most {MaxBytes} are accepted.");
        }

        using var stream = new MemoryStream(payload.ToArray(), writable: false);
        return Read(stream);
    }

    /// <summary>Reads the 277 in <paramref name="input"/> (read once, not disposed).</summary>
    public ClaimStatus277Report Read(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        X12Document document;
        try
        {
            document = _parser.Parse(input);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or ArgumentException)
        {
            return ClaimStatus277Report.Failed($"The 277 could not be read: {e.Message}");
        }

        return Map(document) with { Envelope = X12EnvelopeIds.Of(document) };
    }

    private static ClaimStatus277Report Map(X12Document document)
    {
        var errors = document.Issues.Where(i => i.Severity == X12IssueSeverity.Error).Select(Describe).ToList();
        var transactions = document.Transactions.Where(t => t.TransactionSetId == "277").ToList();
        if (transactions.Count == 0)
        {
            var acknowledgement = ClaimStatusAcknowledgement.Describe(document.Segments);
            var problem = acknowledgement is { } ack ? $"The payer sent {ack.Text}, not a 277." : "No 277 transaction set was found.";
            return new ClaimStatus277Report([], [.. errors.Prepend(problem)])
            {
                Acknowledgement = acknowledgement?.Text,
                AcknowledgementType = acknowledgement?.Type,
            };
        }

        var problems = new List<string>(errors);
        var claims = new List<Domain.Claims.Status.ClaimStatusResult>();
        foreach (var transaction in transactions)
        {
            if (transaction.Schema is null || !string.Equals(transaction.ImplementationReference, Guide, StringComparison.Ordinal))
            {
                problems.Add($"277 transaction {transaction.ControlNumber} with guide '{transaction.ImplementationReference}' "
                    + $"is not a {Guide} claim status response; skipped.");
                continue;
            }

            if (transaction.Trailer is null)
            {
                problems.Add($"277 transaction {transaction.ControlNumber} is truncated: its SE trailer is missing.");
                continue;
            }

            var loops = transaction.Root.Descendants().Where(l => l.Id is "2200D" or "2200E").ToList();
            if (loops.Count == 0)
            {
                problems.Add($"277 transaction {transaction.ControlNumber} reports on no claim (no 2200D or 2200E loop).");
            }

            foreach (var loop in loops)
            {
                var claim = ClaimStatus277Claim.Map(loop);
                claims.Add(claim);
                problems.AddRange(claim.Problems);
            }
        }

        return new ClaimStatus277Report(claims, problems);
    }

    private static string Describe(X12Issue issue) =>
        issue.SegmentOrdinal is { } ordinal
            ? $"{issue.Code} at segment {ordinal} ({issue.SegmentId}): {issue.Message}"
            : $"{issue.Code}: {issue.Message}";
}
