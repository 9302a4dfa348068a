using System.Text.Json.Serialization;

namespace DentalClaimsHub.Adapters.Profiles;

/// <summary>How the hub authenticates to a FHIR payer.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FhirAuthKind>))]
public enum FhirAuthKind
{
    /// <summary>No authentication (sandboxes, the simulator).</summary>
    None,

    /// <summary>A static bearer token read from configuration.</summary>
    Bearer,

    /// <summary>OAuth 2.0 client credentials against a token endpoint.</summary>
    ClientCredentials,
}
