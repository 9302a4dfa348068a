using Microsoft.Extensions.Configuration;

namespace DentalClaimsHub.Adapters.Profiles;

/// <summary>
/// Resolves the secret names a profile references (<c>usernameSecret: DEMO_X12_USER</c>) from configuration —
/// environment variables, user secrets or a vault provider — so no credential ever sits in a mapping file.
/// </summary>
public sealed class PayerSecrets(IConfiguration configuration)
{
    /// <summary>The value of <paramref name="name"/>, or null when it is not configured.</summary>
    public string? Find(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var value = configuration[name];
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>
    /// The value of <paramref name="name"/>; throws when it is missing, naming the payer and the setting but never a value.
    /// </summary>
    public string Get(PayerProfile profile, string name)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return Find(name) ?? throw new InvalidOperationException(
            $"Payer '{profile.Id}' needs the secret '{name}', which is not configured "
            + "(set an environment variable or configuration key of that name).");
    }
}
