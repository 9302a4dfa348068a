namespace DentalClaimsHub.Adapters.Eligibility;

/// <summary>
/// Something a payer's protocol needs that the inquiry lacks (an X12 payer needs the provider's NPI, say).
/// <paramref name="Field"/> is the request field at fault as a camelCase dotted path (<c>provider.npi</c>).
/// </summary>
public sealed record InquiryProblem(string Field, string Message);
