using DentalClaimsHub.X12.Schemas;
using DentalClaimsHub.X12.Tests.Samples;

namespace DentalClaimsHub.X12.Tests.Schemas;

public sealed class X12SchemaRegistryTests
{
    [Theory]
    [InlineData("005010X279A1", "270", null, "Eligibility, Coverage or Benefit Inquiry")]
    [InlineData("005010X279A1", "271", "005010X279A1", "Eligibility, Coverage or Benefit Information")]
    [InlineData("005010X224A2", "837", "005010X224A2", "Health Care Claim: Dental")]
    [InlineData("005010X212", "276", "005010X212", "Health Care Claim Status Request")]
    [InlineData("005010X212", "277", "005010X212", "Health Care Claim Status Response")]
    [InlineData("005010X214", "277", "005010X214", "Health Care Claim Acknowledgment")]
    [InlineData("005010X221A1", "835", null, "Health Care Claim Payment/Advice")]
    [InlineData("005010X231A1", "999", "005010X231A1", "Implementation Acknowledgment")]
    public void Find_GuideAndTransactionSet_ReturnsThatGuide(string gs08, string st01, string? st03, string name)
    {
        var schema = SampleFiles.Registry.Find(gs08, st01, st03);

        Assert.NotNull(schema);
        Assert.Equal((st01, name), (schema.TransactionSet, schema.Name));
    }

    [Fact]
    public void Find_St03DiffersFromGs08_PrefersSt03()
    {
        var schema = SampleFiles.Registry.Find("005010X212", "277", "005010X214");

        Assert.Equal("005010X214", schema?.Guide);
    }

    [Fact]
    public void Find_UnknownGuide_ReturnsNull() => Assert.Null(SampleFiles.Registry.Find("004010X097A1", "837"));

    [Fact]
    public void LoadFromDirectory_SchemasFolder_LoadsAllNineGuides()
    {
        var registry = X12SchemaRegistry.LoadFromDirectory(X12SchemaRegistry.FindSchemasDirectory()!);

        Assert.Equal(
            ["005010X212.276", "005010X212.277", "005010X214.277", "005010X221A1.835", "005010X224A2.837", "005010X231A1.999",
             "005010X279A1.270", "005010X279A1.271", "TA1.TA1"],
            registry.Schemas.Select(s => $"{s.Guide}.{s.TransactionSet}"));
    }

    [Fact]
    public void FindSchemasDirectory_FromAFolderWithoutSchemas_ReturnsNull() =>
        Assert.Null(X12SchemaRegistry.FindSchemasDirectory(Path.GetPathRoot(Path.GetTempPath())));
}
