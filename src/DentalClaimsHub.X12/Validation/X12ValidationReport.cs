using DentalClaimsHub.X12.Parsing;

namespace DentalClaimsHub.X12.Validation;

/// <summary>The result of validating a document: every finding, grouped by functional group and transaction set.</summary>
public sealed record X12ValidationReport(X12Document Document, IReadOnlyList<X12GroupReport> Groups, IReadOnlyList<X12Finding> DocumentFindings)
{
    /// <summary>All findings: document-level ones first, then per group and transaction, in input order.</summary>
    public IEnumerable<X12Finding> Findings =>
        DocumentFindings.Concat(Groups.SelectMany(g => g.Findings.Concat(g.Transactions.SelectMany(t => t.Findings))));

    /// <summary>True when no finding is an error.</summary>
    public bool IsValid => !Findings.Any(f => f.IsError);

    /// <summary>Every transaction report.</summary>
    public IEnumerable<X12TransactionReport> Transactions => Groups.SelectMany(g => g.Transactions);
}
