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

        // A timeout's seconds are stored invariant ("2.5") and read with the user's decimal comma.
        var timeout = code == WebhookErrors.NoAnswer;
        var words = text.Words("WebhookError", code, args, (i, value) => timeout && i == 0 ? StoredValue.Number(value, "0.#") : value);
        return words?.Trim() ?? error;
    }

    // The English of WebhookErrors.Answered and NoAnswerWithin, as attempts stored it before codes.
    [GeneratedRegex(@"^HTTP (\d{3}) ?(.*)$")]
    private static partial Regex Status();

    [GeneratedRegex(@"^No answer within (\d+(?:\.\d+)?) s$")]
    private static partial Regex Silence();
}
