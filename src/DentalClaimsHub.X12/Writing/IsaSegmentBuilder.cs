using System.Globalization;

namespace DentalClaimsHub.X12.Writing;

/// <summary>Builds the fixed-width ISA segment (106 characters with its terminator).</summary>
public static class IsaSegmentBuilder
{
    /// <summary>Largest interchange control number (ISA13 is 9 digits).</summary>
    public const long MaxControlNumber = 999_999_999;

    /// <summary>Builds the ISA for <paramref name="header"/> with every field padded to its fixed width.</summary>
    /// <exception cref="ArgumentException">A field is too long or the control number is out of range.</exception>
    public static X12Segment Build(X12InterchangeHeader header, X12Delimiters delimiters, long controlNumber, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (controlNumber is < 1 or > MaxControlNumber)
        {
            throw new ArgumentOutOfRangeException(nameof(controlNumber), controlNumber, "ISA13 must be 1 to 999999999.");
        }

        var utc = now.UtcDateTime;
        return X12Segment.Create(
            delimiters,
            "ISA",
            Fixed(header.AuthorizationQualifier, 2, "ISA01"),
            Fixed(header.AuthorizationInformation, 10, "ISA02"),
            Fixed(header.SecurityQualifier, 2, "ISA03"),
            Fixed(header.SecurityInformation, 10, "ISA04"),
            Fixed(header.SenderQualifier, 2, "ISA05"),
            Fixed(header.SenderId, 15, "ISA06"),
            Fixed(header.ReceiverQualifier, 2, "ISA07"),
            Fixed(header.ReceiverId, 15, "ISA08"),
            utc.ToString("yyMMdd", CultureInfo.InvariantCulture),
            utc.ToString("HHmm", CultureInfo.InvariantCulture),
            delimiters.HasRepetition ? delimiters.Repetition.ToString() : "U",
            Fixed(header.Version, 5, "ISA12"),
            controlNumber.ToString("D9", CultureInfo.InvariantCulture),
            header.AcknowledgmentRequested ? "1" : "0",
            header.Production ? "P" : "T",
            delimiters.Component.ToString());
    }

    private static string Fixed(string value, int width, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        if (value.Length > width)
        {
            throw new ArgumentException($"{name} '{value}' is longer than its fixed width of {width} characters.", name);
        }

        return value.PadRight(width);
    }
}
