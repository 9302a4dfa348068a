namespace DentalClaimsHub.X12;

/// <summary>
/// The four delimiters of an X12 interchange, as declared by its ISA segment.
/// </summary>
/// <param name="Element">Data element separator (the byte at offset 3 of the ISA).</param>
/// <param name="Repetition">
/// Repetition separator (ISA11, offset 82); <c>'\0'</c> when ISA11 is not a delimiter (e.g. <c>U</c> in 4010).
/// </param>
/// <param name="Component">Component element separator (ISA16, offset 104).</param>
/// <param name="Segment">Segment terminator (offset 105).</param>
public readonly record struct X12Delimiters(char Element, char Repetition, char Component, char Segment)
{
    /// <summary>
    /// The conventional delimiters <c>*</c>, <c>^</c>, <c>:</c> and <c>~</c>, used by <see cref="X12Segment.Create(string, string[])"/>.
    /// </summary>
    public static X12Delimiters Default { get; } = new('*', '^', ':', '~');

    /// <summary>True when the repetition separator is in use (5010 and later).</summary>
    public bool HasRepetition => Repetition != '\0';

    /// <summary>True when <paramref name="c"/> is one of the four delimiters.</summary>
    public bool IsDelimiter(char c) =>
        c == Element || c == Component || c == Segment || (HasRepetition && c == Repetition);

    /// <summary>True when the delimiters are pairwise distinct (a requirement of the standard).</summary>
    public bool AreDistinct =>
        Element != Component && Element != Segment && Component != Segment
        && (!HasRepetition || (Repetition != Element && Repetition != Component && Repetition != Segment));
}
