using System.Text.Json.Serialization;

namespace DentalClaimsHub.Adapters.Profiles;

/// <summary>How messages of one capability travel; YAML values are kebab-case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PayerTransport>))]
public enum PayerTransport
{
    /// <summary>CAQH CORE connectivity, real-time request/response.</summary>
    CoreRealtime,

    /// <summary>CAQH CORE connectivity, batch submission with later pickup.</summary>
    CoreBatch,

    /// <summary>FHIR REST calls against the payer's base URL.</summary>
    FhirRest,

    /// <summary>Files sent as e-mail attachments.</summary>
    Email,

    /// <summary>Files uploaded to a drop location (HTTP upload or shared folder).</summary>
    FileDrop,

    /// <summary>Batch files uploaded to the payer's SFTP server (see the profile's <c>sftp</c> section).</summary>
    Sftp,
}
