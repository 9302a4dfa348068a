using System.Globalization;
using System.Text.RegularExpressions;
using DentalClaimsHub.Api.Webhooks;
using Microsoft.Extensions.Localization;

namespace DentalClaimsHub.Api.AdminConsole.Webhooks;

/// <summary>
/// A delivery's last result in the console user's language: a failure worded from its code (<c>WebhookErrors</c>) with a
/// <c>WebhookError.*</c> text, a bare status as "HTTP n". An attempt recorded before codes is recognised by its English when it
/// is a status or a timeout; in English, or otherwise, it reads as stored.
/// </summary>
public sealed partial class WebhookErrorText(IStringLocalizer<ConsoleText> text)
{
    public string Render(WebhookDeliveryRow delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (delivery.LastError is not { } error)
        {
            return delivery.LastStatusCode is { } status ? "HTTP " + status.ToString(CultureInfo.InvariantCulture) : "—";
        }

        var (code, args) = (delivery.LastErrorCode, delivery.LastErrorArgs);
        if (code is null && Status().Match(error) is { Success: true } answered)
        {
            (code, args) = (WebhookErrors.HttpStatus, [answered.Groups[1].Value, answered.Groups[2].Value]);
        }
        else if (code is null && Silence().Match(error) is { Success: true } silence)
        {
            (code, args) = (WebhookErrors.NoAnswer, [silence.Groups[1].Value]);
        }

        if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" || code is null
            || text["WebhookError." + code] is not { ResourceNotFound: false } template)
        {
            return error;
        }

        var words = args.ToArray();
        if (code == WebhookErrors.NoAnswer && words is [var seconds]
            && double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            words[0] = value.ToString("0.#", CultureInfo.CurrentCulture);
        }

        return string.Format(CultureInfo.CurrentCulture, template.Value, [.. words]).Trim();
    }

    // The English of WebhookErrors.Answered and NoAnswerWithin, as attempts stored it before codes.
    [GeneratedRegex(@"^HTTP (\d{3}) ?(.*)$")]
    private static partial Regex Status();

    [GeneratedRegex(@"^No answer within (\d+(?:\.\d+)?) s$")]
    private static partial Regex Silence();
}
