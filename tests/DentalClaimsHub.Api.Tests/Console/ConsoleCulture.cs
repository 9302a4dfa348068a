using System.Globalization;
using DentalClaimsHub.Api.AdminConsole;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DentalClaimsHub.Api.Tests.Console;

/// <summary>
/// Runs a console renderer in a culture (the user's language and formats) with the real <see cref="ConsoleText"/> texts, and
/// gives the thread its cultures back. Shared by the renderer tests (each kept a copy of this once).
/// </summary>
internal static class ConsoleCulture
{
    public static T In<T>(string culture, Func<IStringLocalizer<ConsoleText>, T> render)
    {
        var (ui, formatting) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return render(new StringLocalizer<ConsoleText>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()),
                NullLoggerFactory.Instance)));
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, formatting);
        }
    }
}
