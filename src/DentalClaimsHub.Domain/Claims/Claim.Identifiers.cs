namespace DentalClaimsHub.Domain.Claims;

// The identifiers a claim is known by towards payers, and the codes that go with them.
public sealed partial class Claim
{
    // 20 upper-case hex characters of the id: unique enough, stable, and within every payer's CLM01 limit.
    private static string NewControlNumber(Guid id) => id.ToString("N")[..MaxPatientControlNumberLength].ToUpperInvariant();

    private static string? NormaliseControlNumber(string? value)
    {
        var text = Guard.Optional(value, nameof(PatientControlNumber), MaxPatientControlNumberLength);
        if (text is not null && !text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new DomainException(
                $"Patient control number may hold only letters, digits, '-', '_' and '.', got '{text}'.", nameof(PatientControlNumber));
        }

        return text;
    }

    private static string NormalisePlaceOfService(string? value)
    {
        var text = Guard.Required(value, nameof(PlaceOfService), 2);
        return text.Length == 2 && Guard.AllDigits(text)
            ? text
            : throw new DomainException($"Place of service must be a 2-digit code such as '11', got '{value}'.", nameof(PlaceOfService));
    }
}
