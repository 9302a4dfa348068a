namespace DentalClaimsHub.Api.AdminConsole;

/// <summary>
/// The console's texts: <c>ConsoleText.resx</c> (English) and <c>ConsoleText.ru.resx</c> (Russian), read through
/// <c>IStringLocalizer&lt;ConsoleText&gt;</c>. A test checks both files hold the same keys.
/// </summary>
public sealed class ConsoleText
{
}
