namespace DentalClaimsHub.Benchmarks.Generation;

/// <summary>Creates the benchmark inputs: an 837D and an 835 with 10,000 claims each, and optionally a large 837D.</summary>
internal static class FileGenerator
{
    public const string Claims837 = "837D-10000-claims.x12";
    public const string Remittance835 = "835-10000-payments.x12";
    public const string Big837 = "837D-big.x12";

    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 3, 15, 10, 30, 0, TimeSpan.Zero));

    public static void Generate(string folder, int bigMegabytes)
    {
        Directory.CreateDirectory(folder);
        Write(Path.Combine(folder, Claims837), s => Claim837Generator.Write(s, 10_000, Clock));
        Write(Path.Combine(folder, Remittance835), s => Remittance835Generator.Write(s, 10_000, Clock));
        if (bigMegabytes > 0)
        {
            // About 430 bytes per claim: size the claim count to reach the requested megabytes.
            var claims = (int)(bigMegabytes * 1024L * 1024L / 430);
            Write(Path.Combine(folder, Big837), s => Claim837Generator.Write(s, claims, Clock));
        }
    }

    private static void Write(string path, Action<Stream> write)
    {
        using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            write(stream);
        }

        Console.WriteLine($"generated {path} ({new FileInfo(path).Length / 1048576.0:0.0} MB)");
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
