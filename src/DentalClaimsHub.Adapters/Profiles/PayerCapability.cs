using System.Text.Json.Serialization;

namespace DentalClaimsHub.Adapters.Profiles;

/// <summary>A business exchange the hub may perform with a payer; YAML keys are kebab-case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PayerCapability>))]
public enum PayerCapability
{
    /// <summary>Coverage / benefits check (X12 270/271, FHIR CoverageEligibilityRequest).</summary>
    Eligibility,

    /// <summary>Pre-treatment estimate (837D predetermination, FHIR Claim use=predetermination).</summary>
    Estimates,

    /// <summary>Claim submission (837D, FHIR Claim, ДМС invoice registry).</summary>
    Claims,

    /// <summary>Prior authorisation (FHIR PAS, ДМС guarantee letters).</summary>
    Preauthorizations,

    /// <summary>Claim status inquiry (276/277).</summary>
    ClaimStatus,

    /// <summary>Payment advice (835, ExplanationOfBenefit).</summary>
    Remittances,

    /// <summary>Member rosters (ДМС lists of insured persons).</summary>
    Rosters,
}
