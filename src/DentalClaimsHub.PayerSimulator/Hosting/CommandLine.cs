namespace DentalClaimsHub.PayerSimulator.Hosting;

/// <summary>
/// Reads <c>--urls</c> the way ASP.NET Core hosts do (<c>--urls X</c>, <c>--urls=X</c>, or <c>ASPNETCORE_URLS</c>) and the
/// scenarios to play (<c>--use x12.eligibility.inactive</c>, repeatable, or comma-separated <c>SIMULATOR_SCENARIOS</c>) and
/// the time every answer is held back (<c>--delay-ms 200</c> or <c>SIMULATOR_DELAY_MS</c>).
/// </summary>
internal static class CommandLine
{
    public const string DefaultUrl = "http://127.0.0.1:5090";

    public static string Url(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--urls" && i + 1 < args.Length)
            {
                return First(args[i + 1]);
            }

            if (args[i].StartsWith("--urls=", StringComparison.Ordinal))
            {
                return First(args[i]["--urls=".Length..]);
            }
        }

        var fromEnvironment = Environment.GetEnvironmentVariable("ASPNETCORE_URLS");
        return string.IsNullOrEmpty(fromEnvironment) ? DefaultUrl : First(fromEnvironment);
    }

    public static IReadOnlyList<string> Scenarios(string[] args)
    {
        var scenarios = new List<string>();
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--use")
            {
                scenarios.Add(args[i + 1]);
            }
        }

        var fromEnvironment = Environment.GetEnvironmentVariable("SIMULATOR_SCENARIOS") ?? string.Empty;
        scenarios.AddRange(fromEnvironment.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return scenarios;
    }

    public static TimeSpan ResponseDelay(string[] args)
    {
        var text = Environment.GetEnvironmentVariable("SIMULATOR_DELAY_MS");
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--delay-ms")
            {
                text = args[i + 1];
            }
        }

        return string.IsNullOrEmpty(text) ? TimeSpan.Zero
            : int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var ms) && ms >= 0 ? TimeSpan.FromMilliseconds(ms)
            : throw new ArgumentException($"--delay-ms expects a whole number of milliseconds, got '{text}'.");
    }

    // One port is all the simulator serves; ASP.NET-style lists are separated by ';'.
    private static string First(string urls) => urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
}
