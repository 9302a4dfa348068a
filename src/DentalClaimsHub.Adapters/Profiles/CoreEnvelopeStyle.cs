using System.Text.Json.Serialization;

namespace DentalClaimsHub.Adapters.Profiles;

/// <summary>The CAQH CORE connectivity envelope a payer accepts.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CoreEnvelopeStyle>))]
public enum CoreEnvelopeStyle
{
    /// <summary>SOAP 1.2 with a WS-Security UsernameToken header.</summary>
    Soap,

    /// <summary>HTTP MIME multipart (form fields plus the payload part).</summary>
    Mime,
}
