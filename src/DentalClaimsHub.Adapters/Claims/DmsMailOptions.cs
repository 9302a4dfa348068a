namespace DentalClaimsHub.Adapters.Claims;

/// <summary>
/// The mail server ДМС registries are e-mailed through, for insurers whose profile says <c>delivery: email</c>
/// (configured as <c>Hub:Dms:Smtp</c>; credentials only from configuration secrets, never from profiles).
/// </summary>
public sealed class DmsMailOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>Require TLS (STARTTLS or implicit); false only for a relay on the same host.</summary>
    public bool RequireTls { get; set; } = true;

    public string From { get; set; } = "registries@dentalclaimshub.example";

    public string? Username { get; set; }

    public string? Password { get; set; }
}
