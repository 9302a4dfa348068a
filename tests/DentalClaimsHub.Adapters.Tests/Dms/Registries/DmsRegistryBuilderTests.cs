using DentalClaimsHub.Adapters.Dms.Reference;
using DentalClaimsHub.Adapters.Dms.Registries;
using DentalClaimsHub.Domain.Values;
using DentalClaimsHub.Testing;
using static DentalClaimsHub.Adapters.Tests.Dms.Registries.RegistrySamples;

namespace DentalClaimsHub.Adapters.Tests.Dms.Registries;

public sealed class DmsRegistryBuilderTests
{
    private static readonly Lazy<DmsReference> Reference = new(() => new DmsReference(Path.Combine(RepositoryPaths.Schemas, "dms")));

    private static readonly Icd10Code Caries = new("K02.1");
    private static readonly Icd10Code Pulpitis = new("K04.0");

    [Fact]
    public void Build_ClaimsOfThePeriod_OneLinePerServiceInDateAndNameOrder()
    {
        var later = Claim("Ёлкина", "Вера", " ПР-2 ", 10m, null, [Caries], Service("A16.07.002", 4200m, new DateOnly(2026, 10, 20), tooth: "36"));
        var earlier = Claim("Жукова", "Анна", "ПР-1", null, "ГП-15", [Caries, Pulpitis],
            Service("B01.065.001", 1500m, new DateOnly(2026, 10, 2)),
            Service("A06.07.003", 1300m, new DateOnly(2026, 10, 2), tooth: "11", units: 2, diagnosis: 2));

        var result = DmsRegistryBuilder.Build([later, earlier], From, To, 5m, Reference.Value,
            new Dictionary<string, DateOnly> { ["ГП-15"] = new(2026, 9, 30) });

        Assert.Empty(result.Problems);
        Assert.Equal(["B01.065.001", "A06.07.003", "A16.07.002"], result.Lines.Select(line => line.ServiceCode));
        var xray = result.Lines[1];
        Assert.Equal(("Жукова", "Анна", "Тестовна"), (xray.LastName, xray.FirstName, xray.MiddleName));
        Assert.Equal("ПР-1", xray.Policy);
        Assert.Equal(("ГП-15", new DateOnly(2026, 9, 30)), (xray.GuaranteeNumber, xray.GuaranteeDate));
        Assert.Equal("K04.0", xray.Diagnosis);
        Assert.Equal("11", xray.Tooth);
        Assert.Equal((2, 650m), (xray.Quantity, xray.Price));
        Assert.Equal((5m, 0m), (xray.DiscountPercent, xray.FranchisePercent));
        Assert.Equal("Ведерникова Олеся Марковна", xray.Doctor);
        Assert.Equal(Reference.Value.ServiceName(new NomenclatureCode("A06.07.003")), xray.ServiceName);
        var filling = result.Lines[2];
        Assert.Equal(("ПР-2", 10m, "36"), (filling.Policy, filling.FranchisePercent, filling.Tooth));
        Assert.Null(filling.GuaranteeNumber);
    }

    [Fact]
    public void Build_Totals_ReconcileToTheClaims()
    {
        var claims = new[]
        {
            Claim("Жукова", "Анна", "ПР-1", 15m, null, [Caries], Service("A16.07.002", 4200.50m, new DateOnly(2026, 10, 5), tooth: "46"),
                Service("A06.07.003", 1300m, new DateOnly(2026, 10, 5), tooth: "46", units: 2)),
            Claim("Ёлкина", "Вера", "ПР-2", null, null, [Pulpitis], Service("A16.07.030.001", 3333.33m, new DateOnly(2026, 10, 31), tooth: "26")),
        };

        var result = DmsRegistryBuilder.Build(claims, From, To, 5m, Reference.Value);
        var registry = Registry() with { Lines = result.Lines };

        var billed = claims.SelectMany(c => c.Claim.Lines).Sum(line => line.Fee.Amount);
        Assert.Equal(billed, registry.Totals.Gross);
        Assert.Equal(registry.Totals.Gross - registry.Totals.Discount, registry.Totals.Amount);
        Assert.Equal(registry.Totals.Amount, registry.Totals.Franchise + registry.Totals.InsurerAmount);
        Assert.Equal(result.Lines.Sum(line => line.Amounts.InsurerAmount), registry.Totals.InsurerAmount);
        Assert.Equal(4, registry.Quantity);
    }

    [Fact]
    public void Build_UnbillableLines_AreReportedPerLineAndNotWritten()
    {
        var october = new DateOnly(2026, 10, 10);
        var claim = Claim("Жукова", "Анна", "ПР-1", null, null, [Caries, new Icd10Code("K02")],
            Service("A16.07.002", 4200m, october, tooth: "36"),
            Service("D2391", 150m, october, tooth: "36"),
            Service("A16.07.002", 4200m, october, tooth: "37", diagnosis: 2),
            Service("A06.07.003", 1000m, october, units: 3),
            Service("A99.99.999", 500m, october));

        var result = DmsRegistryBuilder.Build([claim], From, To, 0m, Reference.Value);

        Assert.Equal([1], result.Lines.Select(line => line.ClaimLine));
        Assert.Equal(
            [(2, "not-804n"), (3, "diagnosis-not-specific"), (4, "uneven-price"), (5, "unknown-service")],
            result.Problems.Select(problem => (problem.LineNumber, problem.Code)));
        Assert.All(result.Problems, problem => Assert.Equal(claim.Claim.Id, problem.ClaimId));
        Assert.All(result.Problems, problem => Assert.DoesNotContain("Жукова", problem.Message, StringComparison.Ordinal));
        Assert.Contains("K02", result.Problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_LinesOutsideThePeriod_BelongToAnotherRegistry()
    {
        var claim = Claim("Жукова", "Анна", "ПР-1", null, null, [Caries],
            Service("A16.07.002", 4200m, new DateOnly(2026, 9, 30), tooth: "36"),
            Service("A16.07.002", 4200m, new DateOnly(2026, 10, 1), tooth: "37"),
            Service("A16.07.002", 4200m, new DateOnly(2026, 11, 1), tooth: "38"));

        var result = DmsRegistryBuilder.Build([claim], From, To, 0m, Reference.Value);

        Assert.Equal("37", Assert.Single(result.Lines).Tooth);
        Assert.Empty(result.Problems);
    }
}
