using DentalClaimsHub.X12.Parsing;
using DentalClaimsHub.X12.Reading;
using DentalClaimsHub.X12.Schemas;

namespace DentalClaimsHub.X12.Validation;

/// <summary>
/// SNIP level 2 (structure, usage, repeats, types, lengths, codes) and level 3 (balancing) validation against the schemas.
/// Broken input never throws: everything wrong becomes a finding in the report.
/// </summary>
public sealed class X12Validator(X12SchemaRegistry registry)
{
    private readonly X12Parser _parser = new(registry);

    /// <summary>Parses and validates X12 text.</summary>
    public X12ValidationReport Validate(string text, X12ReaderOptions? options = null) => Validate(_parser.Parse(text, options));

    /// <summary>Parses and validates an X12 stream.</summary>
    public X12ValidationReport Validate(Stream stream, X12ReaderOptions? options = null) => Validate(_parser.Parse(stream, options));

    /// <summary>Validates a parsed document; reader and parser issues are attributed to the transaction set they occur in.</summary>
    public X12ValidationReport Validate(X12Document document)
    {
        var unassigned = document.Issues.ToList();
        var groups = new List<X12GroupReport>();
        foreach (var group in document.Interchanges.SelectMany(i => i.Groups))
        {
            var groupSink = new X12FindingSink();
            X12EnvelopeChecks.CheckGroup(group, groupSink);
            var transactions = group.Transactions.Select(t => ValidateTransaction(group, t, unassigned)).ToList();
            groups.Add(new X12GroupReport(group, groupSink.Findings, transactions));
        }

        return new X12ValidationReport(document, groups, unassigned.Select(i => new X12Finding(i)).ToList());
    }

    private static X12TransactionReport ValidateTransaction(X12FunctionalGroup group, X12Transaction transaction, List<X12Issue> unassigned)
    {
        var sink = new X12FindingSink();
        var first = transaction.Header.Ordinal;
        var last = transaction.Trailer?.Ordinal ?? transaction.Segments.Last().Segment.Ordinal;
        foreach (var issue in unassigned.Where(i => i.SegmentOrdinal >= first && i.SegmentOrdinal <= last).ToList())
        {
            sink.Add(new X12Finding(issue));
            unassigned.Remove(issue);
        }

        try
        {
            if (transaction.Schema is not null)
            {
                new X12StructureValidator(sink, new X12ElementValidator(sink)).Validate(transaction.Root);
                X12Balancing.Check(transaction, sink);
            }

            X12EnvelopeChecks.CheckTransaction(transaction, sink);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A validator bug must not take the engine down with it; report it like any other finding.
            sink.Transaction(transaction.Header, "5", $"validation stopped unexpectedly ({ex.GetType().Name})");
        }

        return new X12TransactionReport(group, transaction, sink.Findings);
    }
}
