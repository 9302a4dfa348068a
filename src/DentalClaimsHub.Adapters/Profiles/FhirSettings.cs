namespace DentalClaimsHub.Adapters.Profiles;

/// <summary>The FHIR part of a payer profile.</summary>
public sealed record FhirSettings
{
    /// <summary>FHIR base URL (placeholders already resolved), e.g. <c>http://127.0.0.1:5090/fhir</c>.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>Whether requests go through <c>$submit</c> operations (Da Vinci PAS / CRD style) rather than plain POSTs.</summary>
    public bool UseSubmitOperations { get; init; }

    /// <summary>The authentication scheme.</summary>
    public FhirAuthKind Auth { get; init; } = FhirAuthKind.None;

    /// <summary>OAuth token endpoint, required for <see cref="FhirAuthKind.ClientCredentials"/>.</summary>
    public Uri? TokenUrl { get; init; }

    /// <summary>Configuration name of the client id (client credentials).</summary>
    public string? ClientIdSecret { get; init; }

    /// <summary>Configuration name of the token or client secret.</summary>
    public string? TokenSecret { get; init; }
}
