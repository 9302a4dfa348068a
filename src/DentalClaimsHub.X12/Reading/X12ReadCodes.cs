namespace DentalClaimsHub.X12.Reading;

/// <summary>Codes of the <see cref="X12Issue"/>s raised while tokenizing.</summary>
public static class X12ReadCodes
{
    /// <summary>The input is empty or only whitespace.</summary>
    public const string EmptyInput = "READ-EMPTY";

    /// <summary>No ISA segment was found: the input is not an X12 interchange.</summary>
    public const string NoIsa = "READ-NO-ISA";

    /// <summary>Bytes before the first ISA were ignored.</summary>
    public const string LeadingGarbage = "READ-LEADING-GARBAGE";

    /// <summary>An ISA ends before its 16 elements and terminator.</summary>
    public const string TruncatedIsa = "READ-TRUNCATED-ISA";

    /// <summary>The ISA is not 106 characters fixed width (delimiters were still found by counting).</summary>
    public const string IsaNotFixedWidth = "READ-ISA-WIDTH";

    /// <summary>The ISA declares delimiters that are not distinct or are letters/digits.</summary>
    public const string InvalidDelimiters = "READ-DELIMITERS";

    /// <summary>The input ends inside a segment (no terminator).</summary>
    public const string MissingTerminator = "READ-TRUNCATED";

    /// <summary>A segment is longer than the configured maximum and was skipped.</summary>
    public const string SegmentTooLong = "READ-SEGMENT-TOO-LONG";

    /// <summary>The stream could not be read (I/O error).</summary>
    public const string IoError = "READ-IO";
}
