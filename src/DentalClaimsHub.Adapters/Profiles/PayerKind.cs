using System.Text.Json.Serialization;

namespace DentalClaimsHub.Adapters.Profiles;

/// <summary>The family of protocols a payer speaks natively.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PayerKind>))]
public enum PayerKind
{
    /// <summary>ASC X12 005010 (270/271, 837D, 276/277, 835) — US payers.</summary>
    X12,

    /// <summary>HL7 FHIR R4 (CoverageEligibility*, Claim, ClaimResponse, EOB).</summary>
    Fhir,

    /// <summary>Russian voluntary medical insurance (ДМС): registries, rosters, guarantee letters.</summary>
    Dms,
}
