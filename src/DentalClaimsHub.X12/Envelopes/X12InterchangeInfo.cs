using DentalClaimsHub.X12.Acknowledgements;

namespace DentalClaimsHub.X12.Envelopes;

/// <summary>One interchange (ISA … IEA) found by the envelope validator.</summary>
public sealed class X12InterchangeInfo
{
    internal X12InterchangeInfo(X12Segment header)
    {
        Header = header.Detached();
        StartOrdinal = header.Ordinal;
    }

    /// <summary>The ISA segment (its elements keep their padding).</summary>
    public X12Segment Header { get; }

    /// <summary>Delimiters declared by the ISA.</summary>
    public X12Delimiters Delimiters => Header.Delimiters;

    /// <summary>ISA13, the interchange control number.</summary>
    public string ControlNumber => Header[13];

    /// <summary>ISA05 and ISA06 (trimmed): who sent the interchange.</summary>
    public (string Qualifier, string Id) Sender => (Header[5].Trim(), Header[6].Trim());

    /// <summary>ISA07 and ISA08 (trimmed): who the interchange is for.</summary>
    public (string Qualifier, string Id) Receiver => (Header[7].Trim(), Header[8].Trim());

    /// <summary>ISA09 (YYMMDD) and ISA10 (HHMM) as written.</summary>
    public (string Date, string Time) Prepared => (Header[9], Header[10]);

    /// <summary>ISA14 = 1: the sender asks for a TA1.</summary>
    public bool AcknowledgmentRequested => Header[14] == "1";

    /// <summary>ISA15 = P: production data (T = test).</summary>
    public bool IsProduction => Header[15] == "P";

    /// <summary>Ordinal of the ISA segment.</summary>
    public int StartOrdinal { get; }

    /// <summary>Ordinal of the IEA segment; null when the trailer is missing.</summary>
    public int? EndOrdinal { get; internal set; }

    /// <summary>Functional groups of the interchange, in order.</summary>
    public List<X12FunctionalGroupInfo> Groups { get; } = [];

    /// <summary>Issues that concern the interchange envelope itself (TA1).</summary>
    public List<X12Issue> Issues { get; } = [];

    /// <summary>The TA105 note code: the first interchange-level error, or <see cref="Ta1NoteCode.NoError"/>.</summary>
    public Ta1NoteCode NoteCode =>
        Issues.Where(i => i.Severity == X12IssueSeverity.Error)
            .Select(i => X12EnvelopeCodes.NoteOf(i.Code))
            .FirstOrDefault(n => n is not null)
        ?? Ta1NoteCode.NoError;

    /// <summary>True when an error concerns the interchange envelope, one of its groups or transaction sets.</summary>
    public bool HasErrors => Issues.Any(i => i.Severity == X12IssueSeverity.Error) || Groups.Any(g => g.HasErrors);
}
