using DentalClaimsHub.X12.Acknowledgements;

namespace DentalClaimsHub.X12.Envelopes;

internal sealed partial class X12EnvelopeWalker
{
    private static readonly string[] IdQualifiers = ["01", "14", "20", "27", "28", "29", "30", "33", "ZZ"];

    // ISA01..ISA16: fixed width, the rule, what it means, and the TA105 code that reports a violation.
    private static readonly (int Width, Func<string, bool> Valid, string Expected, Ta1NoteCode Note)[] IsaFields =
    [
        (2, v => v is "00" or "03", "00 or 03", Ta1NoteCode.InvalidAuthorizationQualifier),
        (10, _ => true, "10 characters", Ta1NoteCode.InvalidAuthorizationInformation),
        (2, v => v is "00" or "01", "00 or 01", Ta1NoteCode.InvalidSecurityQualifier),
        (10, _ => true, "10 characters", Ta1NoteCode.InvalidSecurityInformation),
        (2, v => IdQualifiers.Contains(v), "an ID qualifier such as ZZ, 30 or 01", Ta1NoteCode.InvalidSenderQualifier),
        (15, v => v.Trim().Length > 0, "a non-blank sender ID padded to 15 characters", Ta1NoteCode.InvalidSenderId),
        (2, v => IdQualifiers.Contains(v), "an ID qualifier such as ZZ, 30 or 01", Ta1NoteCode.InvalidReceiverQualifier),
        (15, v => v.Trim().Length > 0, "a non-blank receiver ID padded to 15 characters", Ta1NoteCode.InvalidReceiverId),
        (6, X12FieldRules.IsDate, "a valid date in YYMMDD format", Ta1NoteCode.InvalidDate),
        (4, v => X12FieldRules.IsTime(v, allowSeconds: false), "a valid time in HHMM format", Ta1NoteCode.InvalidTime),
        (1, v => !char.IsAsciiLetterOrDigit(v[0]), "the repetition separator (not a letter or digit in 5010)",
            Ta1NoteCode.InvalidStandardsIdentifier),
        (5, v => X12FieldRules.IsDigits(v, 5, 5), "a 5-digit version such as 00501", Ta1NoteCode.InvalidVersionId),
        (9, v => X12FieldRules.IsDigits(v, 9, 9), "9 digits", Ta1NoteCode.InvalidControlNumber),
        (1, v => v is "0" or "1", "0 or 1", Ta1NoteCode.InvalidAcknowledgmentRequested),
        (1, v => v is "P" or "T", "P (production) or T (test)", Ta1NoteCode.InvalidTestIndicator),
        (1, _ => true, "one character", Ta1NoteCode.InvalidComponentSeparator),
    ];

    private void CheckIsa(X12Segment isa, List<X12Issue> issues)
    {
        if (isa.ElementCount != 16)
        {
            Report(issues, X12EnvelopeCodes.Interchange(Ta1NoteCode.InvalidControlStructure),
                $"ISA has {isa.ElementCount} elements instead of 16.", isa, null);
        }

        for (var i = 1; i <= Math.Min(16, isa.ElementCount); i++)
        {
            var (width, valid, expected, note) = IsaFields[i - 1];
            var value = isa[i];
            if (value.Length != width || !valid(value))
            {
                var shown = value.Length != width ? $"is {value.Length} characters long; ISA{i:00} is fixed at {width}" : "is invalid";
                Report(issues, X12EnvelopeCodes.Interchange(note), $"ISA{i:00} '{value}' {shown} (expected {expected}).", isa, i);
            }
        }

        if (isa[12] is { Length: 5 } version && X12FieldRules.IsDigits(version, 5, 5) && version != "00501")
        {
            Report(issues, X12EnvelopeCodes.Interchange(Ta1NoteCode.VersionNotSupported),
                $"ISA12 version {version} is not supported; this engine speaks 00501 (HIPAA 5010).", isa, 12);
        }

        CheckDelimiters(isa, issues);
    }

    private void CheckDelimiters(X12Segment isa, List<X12Issue> issues)
    {
        var d = isa.Delimiters;
        if (char.IsAsciiLetterOrDigit(d.Segment) || d.Segment == d.Element || d.Segment == d.Component)
        {
            Report(issues, X12EnvelopeCodes.Interchange(Ta1NoteCode.InvalidSegmentTerminator),
                "The segment terminator after ISA16 is a letter, a digit or equal to another delimiter.", isa, null);
        }

        if (char.IsAsciiLetterOrDigit(d.Element) || char.IsWhiteSpace(d.Element))
        {
            Report(issues, X12EnvelopeCodes.Interchange(Ta1NoteCode.InvalidElementSeparator),
                "The data element separator (the character after 'ISA') is a letter, a digit or white space.", isa, null);
        }

        if (char.IsAsciiLetterOrDigit(d.Component) || d.Component == d.Element || (d.HasRepetition && d.Component == d.Repetition))
        {
            Report(issues, X12EnvelopeCodes.Interchange(Ta1NoteCode.InvalidComponentSeparator),
                "The component element separator (ISA16) is a letter, a digit or equal to another delimiter.", isa, 16);
        }
    }
}
