using System.Globalization;
using DentalClaimsHub.Adapters.Eligibility;

namespace DentalClaimsHub.Adapters.Fhir.Eligibility;

/// <summary>
/// Blanks the inquiry's personal data (member ids, patient and subscriber names, birth dates) out of payer text such as
/// OperationOutcome diagnostics, which becomes the check's failure detail and is logged with the failure.
/// </summary>
internal static class InquiryRedaction
{
    public const string Mask = "***";

    public static string Redact(string text, EligibilityInquiry inquiry)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(inquiry);
        var subscriber = inquiry.Coverage.Subscriber;
        string?[] values =
        [
            inquiry.Coverage.MemberId,
            subscriber?.MemberId,
            inquiry.Patient.Name.Last,
            inquiry.Patient.Name.First,
            subscriber?.Name.Last,
            subscriber?.Name.First,
            Date(inquiry.Patient.BirthDate, "yyyy-MM-dd"),
            Date(inquiry.Patient.BirthDate, "yyyyMMdd"),
            subscriber is null ? null : Date(subscriber.BirthDate, "yyyy-MM-dd"),
        ];

        // Longest first, so a member id is masked whole before a name inside it could be.
        foreach (var value in values.OfType<string>().Where(v => v.Length >= 2).Distinct().OrderByDescending(v => v.Length))
        {
            text = text.Replace(value, Mask, StringComparison.OrdinalIgnoreCase);
        }

        return text;
    }

    private static string Date(DateOnly date, string format) => date.ToString(format, CultureInfo.InvariantCulture);
}
