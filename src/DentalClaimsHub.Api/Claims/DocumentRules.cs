namespace DentalClaimsHub.Api.Claims;

/// <summary>
/// The ids of the upload rules <see cref="ClaimDocuments"/> refuses a document by (beside the claim's own
/// <see cref="Domain.Claims.ClaimChangeRules"/>), carried on <see cref="DocumentRefusal"/> with their arguments so the console
/// can word a refusal in its user's language; the API answers with the English message.
/// </summary>
public static class DocumentRules
{
    /// <summary>Args: the content type as given.</summary>
    public const string ContentType = "document-type";

    /// <summary>Args: the content type, what a file of that type is (in English: "PNG image").</summary>
    public const string NotWhatItSays = "document-not-what-it-says";

    public const string ReportTypeMissing = "document-report-type-missing";

    /// <summary>Every id above, for the check that each has words in every language.</summary>
    public static readonly IReadOnlyList<string> All = [ContentType, NotWhatItSays, ReportTypeMissing];
}
