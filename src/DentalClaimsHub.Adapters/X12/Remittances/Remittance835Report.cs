using DentalClaimsHub.Adapters.X12.Messages;
using DentalClaimsHub.Domain.Remittances;

namespace DentalClaimsHub.Adapters.X12.Remittances;

/// <summary>One 835 transaction set read into a canonical remittance, with what could not be read in it.</summary>
/// <param name="Remittance">The remittance; its payments are those that could be read.</param>
/// <param name="ControlNumber">ST02, to name the transaction set in reports.</param>
/// <param name="ReadProblems">Segments that could not be read (with their position); a non-empty list means the remittance must
/// not be posted as it is.</param>
public sealed record Remittance835Transaction(Remittance Remittance, string ControlNumber, IReadOnlyList<RemittanceProblem> ReadProblems)
{
    /// <summary>The English wording of <see cref="ReadProblems"/>.</summary>
    public IReadOnlyList<string> Problems => [.. ReadProblems.Select(p => p.Text)];
}

/// <summary>What <see cref="Remittance835Reader"/> made of a file: one entry per 835 transaction set, and file-level problems.</summary>
public sealed record Remittance835Report(IReadOnlyList<Remittance835Transaction> Transactions, IReadOnlyList<string> Problems)
{
    public X12EnvelopeIds? Envelope { get; init; }

    /// <summary>True when the file yielded nothing to apply.</summary>
    public bool Failed => Transactions.Count == 0;

    public static Remittance835Report Fail(params string[] problems) => new([], problems);
}
