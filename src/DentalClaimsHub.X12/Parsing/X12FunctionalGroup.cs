namespace DentalClaimsHub.X12.Parsing;

/// <summary>A functional group (GS … GE) and its transaction sets.</summary>
public sealed class X12FunctionalGroup(X12Segment header)
{
    private readonly List<X12Transaction> _transactions = [];

    /// <summary>The GS segment.</summary>
    public X12Segment Header { get; } = header;

    /// <summary>The GE segment; null when missing.</summary>
    public X12Segment? Trailer { get; internal set; }

    /// <summary>Transaction sets in order.</summary>
    public IReadOnlyList<X12Transaction> Transactions => _transactions;

    /// <summary>GS01 functional identifier code.</summary>
    public string FunctionalId => Header[1];

    /// <summary>GS06 group control number.</summary>
    public string ControlNumber => Header[6];

    /// <summary>GS08 version / implementation guide.</summary>
    public string Version => Header[8];

    internal void Add(X12Transaction transaction) => _transactions.Add(transaction);
}
