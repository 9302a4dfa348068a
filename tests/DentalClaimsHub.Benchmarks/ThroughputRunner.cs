using System.Diagnostics;

namespace DentalClaimsHub.Benchmarks;

/// <summary>
/// Quick, scriptable throughput numbers (best of several runs after a warm-up) in a stable one-line format that
/// <c>run.sh</c> compares with node-x12: <c>RESULT file operation MB/s allocated-bytes-per-run cpu-MB/s</c>.
/// </summary>
/// <remarks>
/// cpu-MB/s divides by the thread's CPU time instead of wall time: on a shared, overloaded machine it shows what one
/// core achieves when it is actually running the code.
/// </remarks>
internal static class ThroughputRunner
{
    private const int Runs = 7;

    public static void Run(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            var (segments, delimiters) = X12Operations.Load(bytes);
            var name = Path.GetFileName(file);
            Measure(name, "tokenize", bytes.Length, () => X12Operations.Tokenize(new MemoryStream(bytes)));
            Measure(name, "read", bytes.Length, () => X12Operations.Read(new MemoryStream(bytes)));
            Measure(name, "validate", bytes.Length, () => X12Operations.Validate(new MemoryStream(bytes)));
            Measure(name, "parse", bytes.Length, () => X12Operations.Parse(new MemoryStream(bytes)));
            Measure(name, "parse+validate", bytes.Length, () => X12Operations.ParseAndValidate(new MemoryStream(bytes)));
            Measure(name, "write", bytes.Length, () => X12Operations.Write(segments, delimiters, Stream.Null));
        }
    }

    private static void Measure(string file, string operation, long size, Func<long> action)
    {
        action();
        var best = double.MaxValue;
        var bestCpu = double.MaxValue;
        long allocated = 0;
        for (var i = 0; i < Runs; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var cpuBefore = ThreadCpu.Seconds();
            var watch = Stopwatch.StartNew();
            action();
            watch.Stop();
            bestCpu = Math.Min(bestCpu, ThreadCpu.Seconds() - cpuBefore);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        var megabytes = size / 1048576.0;
        Console.WriteLine($"RESULT {file} {operation} {megabytes / best:0.0} {allocated} {megabytes / Math.Max(bestCpu, 1e-6):0.0}");
    }
}
