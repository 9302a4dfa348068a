using DentalClaimsHub.Adapters.Dms.Acts;

namespace DentalClaimsHub.Api.Dms.Acts;

/// <summary>
/// The CARC a ДМС refusal is posted with. Every снятие is group CO: under the clinic's contract with the insurer the patient is not
/// billed for it. The insurer's own reason text stays on the act line; the CARC only says which kind of refusal it was.
/// </summary>
public static class DmsActRefusals
{
    public static string Carc(DmsRefusalCategory category) => category switch
    {
        DmsRefusalCategory.NoGuaranteeLetter => "197", // precertification/authorization absent
        DmsRefusalCategory.NotInProgram => "204", // not covered under the patient's current benefit plan
        DmsRefusalCategory.NotDocumented => "16", // lacks information needed for adjudication
        DmsRefusalCategory.LimitExceeded => "119", // benefit maximum for the period reached
        DmsRefusalCategory.PolicyInactive => "27", // expenses incurred after coverage terminated
        DmsRefusalCategory.DuplicateService => "18", // exact duplicate claim/service
        DmsRefusalCategory.PriceMismatch => "45", // charge exceeds the fee schedule
        _ => "96", // non-covered charge; the insurer's text says why
    };
}
