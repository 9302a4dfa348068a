using System.Diagnostics;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using DentalClaimsHub.Benchmarks;
using DentalClaimsHub.Benchmarks.Generation;

// dotnet run -c Release -- generate DIR [BIG_MB] | measure FILE... | stream FILE | claims837 [COUNT] | bdn837 | bdn [BenchmarkDotNet args]
switch (args.FirstOrDefault())
{
    case "generate" when args.Length >= 2:
        FileGenerator.Generate(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 0);
        return 0;
    case "measure" when args.Length >= 2:
        ThroughputRunner.Run(args.Skip(1));
        return 0;
    case "stream" when args.Length == 2:
        // Streams one (large) file through SNIP 1 validation: run under /usr/bin/time -v to see that memory stays flat.
        var watch = Stopwatch.StartNew();
        using (var file = new FileStream(args[1], FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
        {
            var segments = X12Operations.Validate(file);
            var megabytes = file.Length / 1048576.0;
            var speed = megabytes / watch.Elapsed.TotalSeconds;
            Console.WriteLine($"STREAM {Path.GetFileName(args[1])} {megabytes:0} MB {segments} segments {speed:0.0} MB/s");
        }

        return 0;
    case "claims837":
        Claim837Benchmarks.Measure(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000);
        return 0;
    case "bdn837":
        BenchmarkRunner.Run<Claim837Benchmarks>(DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).AsDefault()),
            args.Skip(1).ToArray());
        return 0;
    case "bdn":
        var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).AsDefault());
        BenchmarkRunner.Run<X12Benchmarks>(config, args.Skip(1).ToArray());
        return 0;
    default:
        Console.Error.WriteLine("usage: generate DIR [BIG_MB] | measure FILE... | stream FILE | claims837 [COUNT] | bdn837 | bdn");
        return 2;
}
