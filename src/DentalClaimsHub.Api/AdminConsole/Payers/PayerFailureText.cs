using DentalClaimsHub.Adapters.Transports.Resilience;
using Microsoft.Extensions.Localization;

namespace DentalClaimsHub.Api.AdminConsole.Payers;

/// <summary>
/// A payer's last failed exchange in the console user's language: worded from its code (<see cref="PayerFailures"/>) with a
/// <c>PayerFailure.*</c> text. In English, or without a code, it reads as recorded (an HTTP status or an exception type).
/// </summary>
public sealed class PayerFailureText(IStringLocalizer<ConsoleText> text)
{
    public string Render(PayerCircuitSnapshot health)
    {
        ArgumentNullException.ThrowIfNull(health);
        return text.Words("PayerFailure", health.LastFailureCode, health.LastFailureArgs) ?? health.LastFailureReason ?? "";
    }
}
