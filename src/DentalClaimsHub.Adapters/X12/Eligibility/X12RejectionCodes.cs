using DentalClaimsHub.Domain.Eligibility;

namespace DentalClaimsHub.Adapters.X12.Eligibility;

/// <summary>AAA03 reject reasons and AAA04 follow-up actions of 005010X279A1, described for people.</summary>
internal static class X12RejectionCodes
{
    public static string Describe(string reason) => reason switch
    {
        "04" => "Authorized quantity exceeded",
        "15" => "Required application data missing",
        "41" => "Authorization or access restrictions",
        "42" => "Unable to respond at current time",
        "43" => "Invalid or missing provider identification",
        "44" => "Invalid or missing provider name",
        "45" => "Invalid or missing provider specialty",
        "47" => "Invalid or missing provider state",
        "50" => "Provider ineligible for inquiries",
        "51" => "Provider not on file",
        "57" => "Invalid or missing date(s) of service",
        "58" => "Invalid or missing date of birth",
        "60" => "Date of birth follows date(s) of service",
        "62" => "Date of service not within allowable inquiry period",
        "63" => "Date of service in future",
        "64" => "Invalid or missing patient id",
        "65" => "Invalid or missing patient name",
        "66" => "Invalid or missing patient gender code",
        "67" => "Patient not found",
        "68" => "Duplicate patient id number",
        "71" => "Patient birth date does not match that for the patient on the database",
        "72" => "Invalid or missing subscriber/insured id",
        "73" => "Invalid or missing subscriber/insured name",
        "74" => "Invalid or missing subscriber/insured gender code",
        "75" => "Subscriber/insured not found",
        "76" => "Duplicate subscriber/insured id number",
        "78" => "Subscriber/insured not in group/plan identified",
        "79" => "Invalid participant identification",
        "80" => "No response received - transaction terminated",
        "97" => "Invalid or missing provider address",
        "T4" => "Payer name or identifier missing",
        _ => $"Rejected with reason {reason}",
    };

    public static string? FollowUp(string action) => action switch
    {
        "C" => "please correct and resubmit",
        "N" => "resubmission not allowed",
        "P" => "please resubmit original transaction",
        "R" => "resubmission allowed",
        "S" => "do not resubmit; inquiry initiated to a third party",
        "W" => "please wait 30 days and resubmit",
        "X" => "please wait 10 days and resubmit",
        "Y" => "do not resubmit; we will hand over your request",
        _ => null,
    };

    /// <summary>Reasons meaning the payer did not find the member asked about.</summary>
    public static bool MeansNotFound(string reason) => reason is "58" or "64" or "65" or "67" or "71" or "72" or "73" or "75" or "78";

    public static EligibilityRejection ToRejection(string reason, string action, string loop)
    {
        var followUp = FollowUp(action);
        var text = followUp is null ? Describe(reason) : $"{Describe(reason)} ({followUp})";
        return new EligibilityRejection(reason, string.IsNullOrEmpty(action) ? null : action, $"{text} [loop {loop}]");
    }
}
