using DentalClaimsHub.X12.Parsing;

namespace DentalClaimsHub.X12.Validation;

/// <summary>Validation findings of one transaction set.</summary>
public sealed record X12TransactionReport(X12FunctionalGroup Group, X12Transaction Transaction, IReadOnlyList<X12Finding> Findings)
{
    /// <summary>True when any finding is an error: the transaction set is rejected.</summary>
    public bool HasErrors => Findings.Any(f => f.IsError);
}
