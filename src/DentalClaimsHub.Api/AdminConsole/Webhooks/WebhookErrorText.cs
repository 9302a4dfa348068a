using System.Globalization;
using Microsoft.Extensions.Localization;

namespace DentalClaimsHub.Api.AdminConsole.Webhooks;

/// <summary>
/// A delivery's last result in the console user's language: a failure worded from its code (<c>WebhookErrors</c>) with a
/// <c>WebhookError.*</c> text, a bare status as "HTTP n". In English, or for a failure recorded without a code, it reads as stored.
/// </summary>
public sealed class WebhookErrorText(IStringLocalizer<ConsoleText> text)
{
    public string Render(WebhookDeliveryRow delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (delivery.LastError is not { } error)
        {
            return delivery.LastStatusCode is { } status ? "HTTP " + status.ToString(CultureInfo.InvariantCulture) : "—";
        }

        if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" || delivery.LastErrorCode is not { } code
            || text["WebhookError." + code] is not { ResourceNotFound: false } template)
        {
            return error;
        }

        var words = delivery.LastErrorArgs.ToArray();
        if (code == Api.Webhooks.WebhookErrors.NoAnswer && words is [var seconds]
            && double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            words[0] = value.ToString("0.#", CultureInfo.CurrentCulture);
        }

        return string.Format(CultureInfo.CurrentCulture, template.Value, [.. words]).Trim();
    }
}
