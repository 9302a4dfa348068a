using BenchmarkDotNet.Attributes;
using DentalClaimsHub.X12;
using DentalClaimsHub.X12.Writing;

namespace DentalClaimsHub.Benchmarks;

/// <summary>BenchmarkDotNet suite over the generated files (folder in <c>DCH_BENCH_DIR</c>, default <c>./bench-data</c>).</summary>
[MemoryDiagnoser]
public class X12Benchmarks
{
    private byte[] _bytes = [];
    private List<X12Segment> _segments = [];
    private X12Delimiters _delimiters;

    /// <summary>Which generated file to run on.</summary>
    [Params("837D-10000-claims.x12", "835-10000-payments.x12")]
    public string File { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var folder = Environment.GetEnvironmentVariable("DCH_BENCH_DIR") ?? "bench-data";
        _bytes = System.IO.File.ReadAllBytes(Path.Combine(folder, File));
        (_segments, _delimiters) = X12Operations.Load(_bytes);
    }

    [Benchmark]
    public long Tokenize() => X12Operations.Tokenize(new MemoryStream(_bytes));

    [Benchmark]
    public long Read() => X12Operations.Read(new MemoryStream(_bytes));

    [Benchmark]
    public long Validate() => X12Operations.Validate(new MemoryStream(_bytes));

    [Benchmark]
    public long Write() => X12Operations.Write(_segments, _delimiters, Stream.Null);
}
