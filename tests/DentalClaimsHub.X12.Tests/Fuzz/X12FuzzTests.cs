using DentalClaimsHub.X12.Acknowledgements;
using DentalClaimsHub.X12.Json;
using DentalClaimsHub.X12.Tests.Acknowledgements;
using DentalClaimsHub.X12.Tests.Samples;
using DentalClaimsHub.X12.Validation;
using DentalClaimsHub.X12.Writing;

namespace DentalClaimsHub.X12.Tests.Fuzz;

public sealed class X12FuzzTests
{
    private const int MutantsPerSample = 120;

    [Fact]
    public void Validate_ThousandsOfMutatedSamples_NeverThrowsAndAlwaysReports()
    {
        var validator = new X12Validator(SampleFiles.Registry);
        var random = new Random(20260315);
        var samples = SampleFiles.AllNames().Select(SampleFiles.Read).ToList();
        var reports = 0;
        var rejected = 0;

        foreach (var sample in samples)
        {
            for (var i = 0; i < MutantsPerSample; i++)
            {
                var mutant = X12Mutator.Mutate(sample, random);
                X12ValidationReport report;
                try
                {
                    report = validator.Validate(mutant);
                    _ = X12JsonWriter.ToJsonString(report.Document);
                    _ = Ack999Builder.Build(report, new SequentialControlNumberSource(1), FixedTimeProvider.SampleDay);
                }
                catch (Exception ex)
                {
                    Assert.Fail($"mutant {i} threw {ex.GetType().Name}: {ex.Message}\n{mutant}");
                    return;
                }

                reports++;
                if (!report.IsValid) rejected++;
            }
        }

        Assert.Equal(samples.Count * MutantsPerSample, reports);
        // Most single mutations break something a validator must notice; far fewer than all is a sign of blind spots.
        Assert.InRange(rejected, reports / 2, reports);
    }

    [Fact]
    public void Mutate_SameSeed_GivesSameMutants()
    {
        var sample = SampleFiles.Read("837D-claims.x12");

        var first = Enumerable.Range(0, 20).Select(_ => 0).Aggregate((Random: new Random(7), List: new List<string>()),
            (acc, _) => { acc.List.Add(X12Mutator.Mutate(sample, acc.Random)); return acc; }).List;
        var second = Enumerable.Range(0, 20).Select(_ => 0).Aggregate((Random: new Random(7), List: new List<string>()),
            (acc, _) => { acc.List.Add(X12Mutator.Mutate(sample, acc.Random)); return acc; }).List;

        Assert.Equal(first, second);
        Assert.Contains(first, m => m != sample);
    }
}
