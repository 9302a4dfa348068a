using System.Globalization;

namespace DentalClaimsHub.Load;

/// <summary>
/// Command line: <c>--api URL --rate N --seconds S --warmup S --patients N --payer ID --sample FILE
/// --scenario eligibility|claims|remit835|roster|proof --simulator URL --count N --faults kill,broker,postgres</c>.
/// </summary>
public sealed record LoadOptions(string ApiUrl, int Rate, TimeSpan Duration, TimeSpan Warmup, int Patients, string PayerId, string Sample270,
    string Scenario = "eligibility")
{
    /// <summary>The payer simulator (the remittance scenario asks it for its 835).</summary>
    public string SimulatorUrl { get; init; } = "http://127.0.0.1:5190";

    /// <summary>Claims the remittance scenario pays in one 835.</summary>
    public int Count { get; init; } = 10_000;

    /// <summary>The proof's scenarios, in order (<c>--faults kill,broker,postgres</c>).</summary>
    public IReadOnlyList<string> Faults { get; init; } = ["kill", "broker", "postgres"];

    public string DateOfService { get; } = "2026-11-23";

    public static LoadOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        int Number(string name, int fallback) => int.Parse(Value(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        return new LoadOptions(
            Value("--api", "http://127.0.0.1:5180"),
            Number("--rate", 500),
            TimeSpan.FromSeconds(Number("--seconds", 20)),
            TimeSpan.FromSeconds(Number("--warmup", 45)),
            Number("--patients", 200),
            Value("--payer", "load-x12-dental"),
            Value("--sample", "samples/x12/270-dental-inquiry.x12"),
            Value("--scenario", "eligibility"))
        {
            SimulatorUrl = Value("--simulator", "http://127.0.0.1:5190"),
            Count = Number("--count", 10_000),
            Faults = Value("--faults", "kill,broker,postgres").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
    }
}
