using DentalClaimsHub.X12.Parsing;

namespace DentalClaimsHub.X12.Validation;

/// <summary>Validation findings of one functional group and its transaction sets.</summary>
public sealed record X12GroupReport(X12FunctionalGroup Group, IReadOnlyList<X12Finding> Findings, IReadOnlyList<X12TransactionReport> Transactions)
{
    /// <summary>Number of transaction sets without errors.</summary>
    public int AcceptedCount => Transactions.Count(t => !t.HasErrors);
}
