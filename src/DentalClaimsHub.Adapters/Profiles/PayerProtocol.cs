using System.Text.Json.Serialization;

namespace DentalClaimsHub.Adapters.Profiles;

/// <summary>The message format used for one capability.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PayerProtocol>))]
public enum PayerProtocol
{
    /// <summary>ASC X12 005010.</summary>
    X12,

    /// <summary>HL7 FHIR R4.</summary>
    Fhir,

    /// <summary>ДМС registry files (XLSX/CSV/XML, per insurer layout).</summary>
    Dms,
}
