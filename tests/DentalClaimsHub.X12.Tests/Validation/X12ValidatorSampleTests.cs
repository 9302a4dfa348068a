using DentalClaimsHub.X12.Tests.Samples;
using DentalClaimsHub.X12.Validation;

namespace DentalClaimsHub.X12.Tests.Validation;

public sealed class X12ValidatorSampleTests
{
    private readonly X12Validator _validator = new(SampleFiles.Registry);

    [Theory]
    [MemberData(nameof(SampleFiles.Valid), MemberType = typeof(SampleFiles))]
    public void Validate_ValidSample_HasNoErrors(string name)
    {
        var report = _validator.Validate(SampleFiles.Read(name));

        var errors = report.Findings.Where(f => f.IsError).Select(f => f.ToString()).ToList();
        Assert.Empty(errors);
        Assert.NotEmpty(report.Transactions.ToList().Count > 0 || name.StartsWith("TA1", StringComparison.Ordinal) ? [1] : Array.Empty<int>());
    }
}
