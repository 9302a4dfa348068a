using DentalClaimsHub.X12.Envelopes;
using DentalClaimsHub.X12.Parsing;
using DentalClaimsHub.X12.Reading;
using DentalClaimsHub.X12.Schemas;

namespace DentalClaimsHub.X12.Validation;

/// <summary>
/// SNIP level 2 (structure, usage, repeats, types, lengths, codes) and level 3 (balancing) validation against the schemas.
/// Broken input never throws: everything wrong becomes a finding in the report.
/// </summary>
/// <param name="registry">The guides to validate against.</param>
/// <param name="includeEnvelope">Also run the SNIP level 1 <see cref="X12EnvelopeValidator"/> and merge its findings.</param>
public sealed class X12Validator(X12SchemaRegistry registry, bool includeEnvelope = true)
{
    private readonly X12Parser _parser = new(registry);

    /// <summary>Parses and validates X12 text.</summary>
    public X12ValidationReport Validate(string text, X12ReaderOptions? options = null) => Validate(_parser.Parse(text, options));

    /// <summary>Parses and validates an X12 stream.</summary>
    public X12ValidationReport Validate(Stream stream, X12ReaderOptions? options = null) => Validate(_parser.Parse(stream, options));

    /// <summary>Validates a parsed document; reader and parser issues are attributed to the transaction set they occur in.</summary>
    public X12ValidationReport Validate(X12Document document)
    {
        var unassigned = document.Issues.Concat(EnvelopeIssues(document)).ToList();
        var groups = new List<X12GroupReport>();
        foreach (var group in document.Interchanges.SelectMany(i => i.Groups))
        {
            var transactions = group.Transactions.Select(t => ValidateTransaction(group, t, unassigned)).ToList();
            var groupSink = new X12FindingSink();
            X12EnvelopeChecks.CheckGroup(group, groupSink);
            Claim(unassigned, groupSink, group.Header.Ordinal, group.Trailer?.Ordinal ?? int.MaxValue, i => !i.Code.StartsWith("TA1-", StringComparison.Ordinal));
            groups.Add(new X12GroupReport(group, groupSink.Findings, transactions));
        }

        var documentFindings = unassigned.Select(i => new X12Finding(i)).Concat(ValidateAcknowledgments(document)).ToList();
        return new X12ValidationReport(document, groups, documentFindings);
    }

    // TA1 segments sit directly in the interchange; their elements are checked against the TA1 schema.
    private IReadOnlyList<X12Finding> ValidateAcknowledgments(X12Document document)
    {
        var sink = new X12FindingSink();
        if (registry.Find("TA1", "TA1")?.Root.Leading is not { } rule)
            return sink.Findings;

        var elements = new X12ElementValidator(sink);
        foreach (var ta1 in document.Interchanges.SelectMany(i => i.Acknowledgments))
            elements.Validate(ta1, rule, "TA1");
        return sink.Findings;
    }

    private IEnumerable<X12Issue> EnvelopeIssues(X12Document document)
    {
        if (!includeEnvelope || document.Segments.Count == 0)
            return [];
        try
        {
            return new X12EnvelopeValidator().Validate(document.Segments).Issues;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return [new X12Issue(X12IssueSeverity.Error, "SNIP1-STRUCTURE", $"Envelope validation stopped unexpectedly ({ex.GetType().Name}).")];
        }
    }

    // Moves the pooled issues inside [first, last] to the sink, skipping those the sink already reports (same code, same segment).
    private static void Claim(List<X12Issue> pool, X12FindingSink sink, int first, int last, Func<X12Issue, bool>? filter = null)
    {
        foreach (var issue in pool.Where(i => i.SegmentOrdinal >= first && i.SegmentOrdinal <= last && (filter?.Invoke(i) ?? true)).ToList())
        {
            pool.Remove(issue);
            if (!sink.Findings.Any(f => f.Issue.Code == issue.Code && f.Issue.SegmentOrdinal == issue.SegmentOrdinal))
                sink.Add(new X12Finding(issue));
        }
    }

    private static X12TransactionReport ValidateTransaction(X12FunctionalGroup group, X12Transaction transaction, List<X12Issue> unassigned)
    {
        var sink = new X12FindingSink();
        try
        {
            if (transaction.Schema is not null)
            {
                new X12StructureValidator(sink, new X12ElementValidator(sink)).Validate(transaction.Root);
                // One walk of the tree serves the three rule sets (each keeps its own order of findings).
                var loops = X12TreeWalk.AllLoops(transaction.Root);
                X12HierarchyRules.Check(loops, sink);
                X12DentalClaimRules.Check(transaction, loops, sink);
                X12Balancing.Check(transaction, loops, sink);
            }

            X12EnvelopeChecks.CheckTransaction(transaction, sink);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A validator bug must not take the engine down with it; report it like any other finding.
            sink.Transaction(transaction.Header, "5", $"validation stopped unexpectedly ({ex.GetType().Name})");
        }

        var last = transaction.Trailer?.Ordinal ?? transaction.Segments.Last().Segment.Ordinal;
        Claim(unassigned, sink, transaction.Header.Ordinal, last);

        return new X12TransactionReport(group, transaction, sink.Findings);
    }
}
