using System.Runtime.InteropServices;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Adapters.X12.Messages;
using DentalClaimsHub.X12;
using DentalClaimsHub.X12.Parsing;
using DentalClaimsHub.X12.Schemas;

namespace DentalClaimsHub.Adapters.X12.Eligibility;

/// <summary>
/// Reads a 005010X279A1 271 into a canonical <see cref="Domain.Eligibility.EligibilityResult"/> through the
/// schema-driven loop tree. Never throws for bad input: a 271 it cannot understand yields a failed report.
/// </summary>
public sealed class Eligibility271Reader(X12SchemaRegistry registry, TimeProvider timeProvider)
{
    private const int MaxBytes = 16 * 1024 * 1024;
    private readonly X12Parser _parser = new(registry);

    /// <summary>
    /// Reads the 271 in <paramref name="payload"/>; <paramref name="asOf"/> is the date asked about (today when not
    /// given), against which a benefit's later begin date reads as a waiting period.
    /// </summary>
    public Eligibility271Report Read(ReadOnlyMemory<byte> payload, X12Options options, string currency = "USD", DateOnly? asOf = null)
    {
        if (payload.Length > MaxBytes)
        {
            return Eligibility271Report.Failed($"The 271 is {payload.Length} bytes; at most {MaxBytes} are accepted.");
        }

        // Read where it lies when it is an array's (the adapter's bytes are), not from a copy.
        using var stream = MemoryMarshal.TryGetArray(payload, out var array)
            ? new MemoryStream(array.Array!, array.Offset, array.Count, writable: false)
            : new MemoryStream(payload.ToArray(), writable: false);
        return Read(stream, options, currency, asOf);
    }

    /// <summary>Reads the 271 in <paramref name="input"/> (read once, not disposed); see the overload for <paramref name="asOf"/>.</summary>
    public Eligibility271Report Read(Stream input, X12Options options, string currency = "USD", DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        X12Document document;
        try
        {
            document = _parser.Parse(input);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or ArgumentException)
        {
            return Eligibility271Report.Failed($"The 271 could not be read: {e.Message}");
        }

        return Map(document, options, currency, asOf) with { Envelope = X12EnvelopeIds.Of(document) };
    }

    private Eligibility271Report Map(X12Document document, X12Options options, string currency, DateOnly? asOf)
    {
        var errors = document.Issues.Where(i => i.Severity == X12IssueSeverity.Error).Select(Describe).ToList();
        var transaction = document.Transactions.FirstOrDefault(t => t.TransactionSetId == "271");
        if (transaction is null)
        {
            return Eligibility271Report.Failed([.. errors.Prepend("No 271 transaction set was found.")]);
        }

        if (transaction.Schema is null)
        {
            var guide = transaction.ImplementationReference;
            return Eligibility271Report.Failed([.. errors.Prepend($"271 with guide '{guide}' is not supported.")]);
        }

        if (transaction.Trailer is null)
        {
            return Eligibility271Report.Failed([.. errors.Prepend("The 271 transaction set is truncated: its SE trailer is missing.")]);
        }

        try
        {
            var mapping = new Eligibility271Mapping(options.CoInsuranceIsPatientShare, currency);
            var receivedAt = timeProvider.GetUtcNow();
            var result = mapping.Map(transaction, receivedAt, asOf ?? DateOnly.FromDateTime(receivedAt.UtcDateTime));
            return new Eligibility271Report(result, [.. errors, .. mapping.Issues]) { TraceNumber = mapping.TraceNumber };
        }
        catch (Exception e) when (e is Domain.DomainException or FormatException or InvalidOperationException)
        {
            return Eligibility271Report.Failed([.. errors, $"The 271 could not be mapped: {e.Message}"]);
        }
    }

    private static string Describe(X12Issue issue) =>
        issue.SegmentOrdinal is { } ordinal
            ? $"{issue.Code} at segment {ordinal} ({issue.SegmentId}): {issue.Message}"
            : $"{issue.Code}: {issue.Message}";
}
