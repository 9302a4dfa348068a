using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using DentalClaimsHub.Adapters.Claims;
using DentalClaimsHub.Adapters.Profiles;
using DentalClaimsHub.Adapters.X12.Claims;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Coverages;
using DentalClaimsHub.Domain.Patients;
using DentalClaimsHub.Domain.Practices;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.X12.Writing;

namespace DentalClaimsHub.Benchmarks;

/// <summary>837D batch generation from canonical claims: one interchange, one transaction per claim.</summary>
[MemoryDiagnoser]
public class Claim837Benchmarks
{
    private IReadOnlyList<ClaimSubmission> _batch = [];

    [Params(10_000)]
    public int Claims { get; set; }

    [GlobalSetup]
    public void Setup() => _batch = Batch(Claims);

    [Benchmark]
    public long Generate()
    {
        using var output = new CountingStream();
        new Claim837Builder(new SequentialControlNumberSource(1), TimeProvider.System).Write(_batch, output);
        return output.Length;
    }

    /// <summary>Times the generation outside BenchmarkDotNet (median of five after two warm-ups) and prints it.</summary>
    public static void Measure(int count)
    {
        var batch = Batch(count);
        var builder = new Claim837Builder(new SequentialControlNumberSource(1), TimeProvider.System);
        var times = new List<double>();
        long bytes = 0;
        for (var run = 0; run < 7; run++)
        {
            using var output = new CountingStream();
            var watch = Stopwatch.StartNew();
            builder = new Claim837Builder(new SequentialControlNumberSource(1), TimeProvider.System);
            builder.Write(batch, output);
            watch.Stop();
            bytes = output.Length;
            if (run >= 2)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        var median = times[times.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CLAIMS837 {count} claims, {bytes / 1048576.0:0.0} MB: median {median:0} ms ({count / (median / 1000):0} claims/s), min {times[0]:0} ms, max {times[^1]:0} ms"));
    }

    /// <summary>A realistic mix: fillings with surfaces, scaling by quadrant, crowns replacing older ones, exams.</summary>
    public static IReadOnlyList<ClaimSubmission> Batch(int count)
    {
        var now = new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);
        var practice = Practice.Create("Benchmark Dental", "US", "America/Chicago", now, npi: Npi.Parse("1234567893"), taxId: "741234567");
        practice.SetAddress(new Address("1200 Shore Dr", null, "Chicago", "IL", "60601", "US"));
        var payer = new PayerProfile
        {
            Id = "bench-x12",
            DisplayName = "Benchmark Dental Mutual",
            Country = "US",
            Kind = PayerKind.X12,
            Capabilities = new Dictionary<PayerCapability, CapabilityRoute>(),
            SourceFile = "bench-x12.yaml",
            X12 = new X12Settings(
                new X12Identifiers
                {
                    SenderQualifier = "ZZ", SenderId = "DCHUB", ReceiverQualifier = "ZZ", ReceiverId = "BENCHPAYER",
                    ApplicationSenderCode = "DCHUB", ApplicationReceiverCode = "BENCHPAYER", PayerId = "99999", UsageIndicator = 'T',
                },
                new X12Options { DentalServiceType = "35" }),
        };
        var rendering = new ProviderIdentity(Npi.Parse("1987654328"), person: new PersonName("Okafor", "Grace"), taxonomyCode: "1223G0001X");
        var service = new DateOnly(2026, 11, 18);
        var batch = new List<ClaimSubmission>(count);
        for (var i = 0; i < count; i++)
        {
            var patient = Patient.Create(practice.Id, new PersonName("Patient" + i, "Bench"), new DateOnly(1980, 1, 1).AddDays(i % 9000),
                i % 2 == 0 ? Sex.Female : Sex.Male, now);
            var coverage = Coverage.Create(practice.Id, patient.Id, payer.Id, $"BM{i:D9}", CoverageOrder.Primary, SubscriberRelationship.Self, now,
                groupNumber: "GRP-BENCH");
            var claim = Claim.Create(practice.Id, patient.Id, coverage.Id, payer.Id, "USD", "bench", now,
                patientControlNumber: $"BENCH{i:D10}", renderingProvider: rendering);
            claim.SetDiagnoses([Icd10Code.Parse("K02.52"), Icd10Code.Parse("K05.311")], now);
            claim.AddLine(Line("D0120", 55m, service), now);
            claim.AddLine(Line("D2392", 185m, service) with { Tooth = ToothNumber.ParseUniversal((1 + (i % 32)).ToString(CultureInfo.InvariantCulture)), Surfaces = SurfaceSet.Parse("MO"), DiagnosisPointers = [1] }, now);
            claim.AddLine(Line("D4341", 240m, service) with { Area = (OralCavityArea)(10 * (1 + (i % 4))), DiagnosisPointers = [2] }, now);
            if (i % 5 == 0)
            {
                claim.AddLine(Line("D2740", 1200m, service) with
                {
                    Tooth = ToothNumber.ParseUniversal("3"), Prosthesis = ProsthesisPlacement.Replacement, PriorPlacementDate = new DateOnly(2014, 5, 2),
                }, now);
            }

            batch.Add(new ClaimSubmission(claim, practice, patient, coverage, payer));
        }

        return batch;
    }

    private static ClaimLineDetails Line(string code, decimal fee, DateOnly date) => new()
    {
        Procedure = ProcedureCode.Cdt(CdtCode.Parse(code)),
        Fee = Money.Usd(fee),
        ServiceDate = date,
    };

    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
    }
}
