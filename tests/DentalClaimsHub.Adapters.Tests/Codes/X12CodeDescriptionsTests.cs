using DentalClaimsHub.Adapters.Codes;
using DentalClaimsHub.Adapters.DependencyInjection;
using DentalClaimsHub.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DentalClaimsHub.Adapters.Tests.Codes;

public sealed class X12CodeDescriptionsTests
{
    private static readonly X12CodeDescriptions Codes = new(Path.Combine(RepositoryPaths.Schemas, "codes"));

    [Fact]
    public void Lookups_KnownCodes_ReturnTheirDescriptions()
    {
        Assert.Equal("Charge exceeds the fee schedule", Codes.Carc("45"));
        Assert.Equal("Tooth number or letter missing or invalid", Codes.Rarc("N37"));
        Assert.Equal("Rejected — invalid information", Codes.StatusCategory("A7"));
        Assert.Equal("Entity's NPI", Codes.Status("562"));
        Assert.Equal("Billing provider", Codes.Entity("85"));
    }

    [Fact]
    public void Lookups_UnknownOrMissingCodes_ReturnNull()
    {
        Assert.Null(Codes.Carc("9999"));
        Assert.Null(Codes.Rarc("N99999"));
        Assert.Null(Codes.StatusCategory("Z9"));
        Assert.Null(Codes.Status(""));
        Assert.Null(Codes.Entity(null));
    }

    [Fact]
    public void Lookups_AreCaseSensitiveLikeX12ButIgnoreSurroundingSpaces()
    {
        Assert.Null(Codes.Rarc("n130"));
        Assert.Equal(Codes.Rarc("N130"), Codes.Rarc(" N130 "));
    }

    [Theory]
    [InlineData("A2", ClaimStatusKind.Acknowledgement)]
    [InlineData("A3", ClaimStatusKind.Rejected)]
    [InlineData("A7", ClaimStatusKind.Rejected)]
    [InlineData("P3", ClaimStatusKind.Pending)]
    [InlineData("F3F", ClaimStatusKind.Finalized)]
    [InlineData("R4", ClaimStatusKind.Request)]
    [InlineData("E1", ClaimStatusKind.Error)]
    [InlineData("D0", ClaimStatusKind.DataSearch)]
    public void StatusCategoryKind_KnownCategory_ClassifiesIt(string category, ClaimStatusKind kind) =>
        Assert.Equal(kind, Codes.StatusCategoryKind(category));

    [Fact]
    public void StatusCategoryKind_UnknownCategory_IsNull() => Assert.Null(Codes.StatusCategoryKind("X0"));

    [Theory]
    [InlineData("A7:562:85", "Rejected — invalid information: entity's NPI (billing provider)")]
    [InlineData("A2:20:PR", "Accepted for adjudication: accepted for processing (payer)")]
    [InlineData("A6:244", "Rejected — missing information: tooth number or letter")]
    [InlineData("A1", "Acknowledged — received, not yet accepted for adjudication")]
    [InlineData("A3::QC", "Rejected — returned as unprocessable (patient)")]
    [InlineData(" A7 : 562 : 85 ", "Rejected — invalid information: entity's NPI (billing provider)")]
    public void DescribeStatus_KnownComposite_ReadsAsOneSentence(string composite, string expected) =>
        Assert.Equal(expected, Codes.DescribeStatus(composite));

    [Theory]
    [InlineData("A7:99999:85", "Rejected — invalid information: status code 99999 (billing provider)")]
    [InlineData("A7:562:Q9", "Rejected — invalid information: entity's NPI (entity Q9)")]
    [InlineData("Z9:562:85", "Status category Z9: entity's NPI (billing provider)")]
    [InlineData("Z9:99999:Q9", "Status category Z9: status code 99999 (entity Q9)")]
    [InlineData(":21:85", "Claim status: missing or invalid information (billing provider)")]
    [InlineData("A3:70:82:RX", "Rejected — returned as unprocessable: NCPDP reject code 70 (rendering provider)")]
    [InlineData("", "No claim status given")]
    [InlineData("::", "No claim status given")]
    public void DescribeStatus_UnknownOrPartialComposite_StillNamesEveryCode(string composite, string expected) =>
        Assert.Equal(expected, Codes.DescribeStatus(composite));

    [Fact]
    public void DescribeStatus_OtherComponentSeparator_SplitsOnIt() =>
        Assert.Equal("Rejected — invalid information: entity's NPI (billing provider)", Codes.DescribeStatus("A7>562>85", '>'));

    [Theory]
    [InlineData("CO", "45", "CO-45: charge exceeds the fee schedule (provider write-off)")]
    [InlineData("PR", "1", "PR-1: applied to the patient's deductible (patient responsibility)")]
    [InlineData("PR", "3", "PR-3: patient's copay (patient responsibility)")]
    [InlineData("OA", "23", "OA-23: reduced by what the prior payer already paid or adjusted (other adjustment)")]
    [InlineData("PI", "187", "PI-187: paid from the patient's spending account (FSA, HSA, HRA) (payer-initiated reduction)")]
    [InlineData("CR", "129", "CR-129: earlier processing of this claim looks incorrect (correction or reversal)")]
    [InlineData("CO", "B13", "CO-B13: already paid, possibly in an earlier payment (provider write-off)")]
    public void DescribeAdjustment_KnownGroupAndReason_ReadsAsOneSentence(string group, string carc, string expected) =>
        Assert.Equal(expected, Codes.DescribeAdjustment(group, carc));

    [Theory]
    [InlineData("CO", "9999", "CO-9999: adjustment reason 9999 (provider write-off)")]
    [InlineData("XX", "45", "XX-45: charge exceeds the fee schedule (group XX)")]
    public void DescribeAdjustment_UnknownCode_NamesIt(string group, string carc, string expected) =>
        Assert.Equal(expected, Codes.DescribeAdjustment(group, carc));

    [Fact]
    public void FindCodesDirectory_FromTestOutput_FindsTheRepositoryFolder() =>
        Assert.Equal(Path.Combine(RepositoryPaths.Schemas, "codes"), X12CodeDescriptions.FindCodesDirectory());

    [Fact]
    public void FindCodesDirectory_NoFolderAbove_ReturnsNull() =>
        Assert.Null(X12CodeDescriptions.FindCodesDirectory(Path.GetPathRoot(Path.GetTempPath())));

    [Fact]
    public void AddPayerProfiles_RegistersOneSharedInstanceFromTheRepository()
    {
        var configuration = new ConfigurationBuilder().Build();
        using var provider = new ServiceCollection().AddPayerProfiles(configuration).BuildServiceProvider();

        var first = provider.GetRequiredService<X12CodeDescriptions>();

        Assert.Same(first, provider.GetRequiredService<X12CodeDescriptions>());
        Assert.Equal("Charge exceeds the fee schedule", first.Carc("45"));
    }
}
