using System.Text.Json.Serialization;

namespace DentalClaimsHub.Adapters.Profiles;

/// <summary>How ДМС registry files reach the insurer.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DmsDeliveryKind>))]
public enum DmsDeliveryKind
{
    /// <summary>As e-mail attachments.</summary>
    Email,

    /// <summary>Uploaded to a drop location (an HTTP endpoint or a folder).</summary>
    FileDrop,
}
