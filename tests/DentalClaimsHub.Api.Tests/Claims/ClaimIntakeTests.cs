using System.Globalization;
using DentalClaimsHub.Api.Claims;
using DentalClaimsHub.Api.Providers;
using DentalClaimsHub.Api.Validation;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Api.Tests.Claims;

public sealed class ClaimIntakeTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static readonly ClaimIntakeContext Us = new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "demo-x12-dental", "USD",
        ProcedureCodeSystem.Cdt, ToothSystem.Universal, Today, new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero), "key-1");

    private static ClaimLineRequest Filling(int pointer = 1) => new()
    {
        Code = "D2392", Tooth = "30", Surfaces = "MO", Fee = 185m, ServiceDate = Today.AddDays(-2), DiagnosisPointers = [pointer],
        LineControlNumber = "L-1",
    };

    private static ClaimLineRequest Scaling() => new()
    {
        Code = "D4341", Area = "30", Fee = 240m, ServiceDate = Today.AddDays(-2), LineControlNumber = "L-2",
    };

    private static ClaimRequest Valid() => new()
    {
        PatientId = Us.PatientId,
        CoverageId = Us.CoverageId,
        Total = 425m,
        Diagnoses = ["K02.52", "K05.311"],
        Lines = [Filling(), Scaling()],
        RenderingProvider = new ProviderRequest { Npi = "1234567893", LastName = "Okafor", FirstName = "Grace" },
    };

    private static (Claim? Draft, IDictionary<string, string[]> Errors) Build(ClaimRequest request, ClaimIntakeContext? context = null)
    {
        var errors = new ValidationErrors();
        var draft = ClaimIntake.TryBuild(request, context ?? Us, errors);
        return (draft, errors.ToDictionary());
    }

    [Fact]
    public void TryBuild_ValidRequest_BuildsTheDraftClaim()
    {
        var (draft, errors) = Build(Valid());

        Assert.Empty(errors);
        var claim = draft!;
        Assert.Equal(Money.Usd(425m), claim.Total);
        Assert.Equal(["D2392", "D4341"], claim.Lines.Select(l => l.Procedure.Code));
        Assert.Equal("30", claim.Lines[0].Tooth!.Value.Value);
        Assert.Equal(OralCavityArea.LowerLeft, claim.Lines[1].Area);
        Assert.Equal(["L-1", "L-2"], claim.Lines.Select(l => l.LineControlNumber));
        Assert.Equal("Okafor, Grace", claim.RenderingProvider!.Person!.ToString());
    }

    [Fact]
    public void TryBuild_EveryFormatProblem_IsReportedAtOnceUnderItsField()
    {
        var request = Valid() with
        {
            Total = null,
            Diagnoses = ["K02.52", "not-icd"],
            RenderingProvider = new ProviderRequest { Npi = "1234567890", OrganizationName = "Okafor Dental" },
            Lines =
            [
                Filling() with { Code = "2392", Tooth = "33", Surfaces = "MX" },
                Scaling() with { Area = "50", Fee = -1m, ServiceDate = null, Units = 0 },
            ],
        };

        var (draft, errors) = Build(request);

        Assert.Null(draft);
        Assert.Equal(
            ["$.diagnoses[1]", "$.lines[0].code", "$.lines[0].surfaces", "$.lines[0].tooth", "$.lines[1].area", "$.lines[1].fee",
                "$.lines[1].serviceDate", "$.lines[1].units", "$.renderingProvider.npi", "$.total"],
            errors.Keys);
        Assert.Contains("Luhn", errors["$.renderingProvider.npi"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("D2740", null, "", null, "$.lines[0].tooth")] // a crown needs its tooth
    [InlineData("D0120", "14", "", null, "$.lines[0].tooth")] // an exam is not on one tooth
    [InlineData("D4341", "3", "", "10", "$.lines[0].tooth")] // quadrant scaling takes the area, not a tooth
    [InlineData("D4341", null, "", "01", "$.lines[0].area")] // …and a quadrant, not an arch
    [InlineData("D2330", "8", "O", null, "$.lines[0].surfaces")] // an incisor has no occlusal surface
    [InlineData("D2392", "30", "MOD", null, "$.lines[0].surfaces")] // a two-surface code with three surfaces
    public void TryBuild_SiteRulesOfTheCode_NameTheLineField(string code, string? tooth, string surfaces, string? area, string field)
    {
        var line = new ClaimLineRequest { Code = code, Tooth = tooth, Surfaces = surfaces, Area = area, Fee = 100m, ServiceDate = Today };

        var (_, errors) = Build(Valid() with { Lines = [line], Total = 100m });

        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void TryBuild_FutureDates_AreRefused()
    {
        var line = Filling() with { ServiceDate = Today.AddDays(1) };
        var crown = new ClaimLineRequest
        {
            Code = "D2740", Tooth = "3", Fee = 1200m, ServiceDate = Today, Prosthesis = "replacement", PriorPlacementDate = Today.AddDays(3),
        };

        var (_, first) = Build(Valid() with { Lines = [line], Total = 185m });
        var (_, second) = Build(Valid() with { Lines = [crown], Total = 1200m });

        Assert.Equal(["$.lines[0].serviceDate"], first.Keys);
        Assert.Contains("$.lines[0].priorPlacementDate", second.Keys);
    }

    [Fact]
    public void TryBuild_ReplacementWithoutPriorPlacement_NamesTheLine()
    {
        var crown = new ClaimLineRequest { Code = "D2740", Tooth = "3", Fee = 1200m, ServiceDate = Today, Prosthesis = "replacement" };

        var (_, errors) = Build(Valid() with { Lines = [crown], Total = 1200m });

        Assert.Contains("prior placement", Assert.Single(errors["$.lines[0]"]), StringComparison.Ordinal);
    }

    [Fact]
    public void TryBuild_TotalNotTheSumOfTheLines_IsRefused()
    {
        var (_, errors) = Build(Valid() with { Total = 400m });

        Assert.Equal("The total 400.00 does not equal the sum of the line fees, 425.00.", Assert.Single(errors["$.total"]));
    }

    [Theory]
    [InlineData("-0.01", "A non-negative amount with at most two decimals.")]
    [InlineData("10.005", "A non-negative amount with at most two decimals.")]
    [InlineData("425.01", "The patient paid 425.01, more than the claim total 425.00.")]
    public void TryBuild_PatientPaidNegativeOrOverTheTotal_IsRefused(string amount, string message)
    {
        var (draft, errors) = Build(Valid() with { PatientPaid = decimal.Parse(amount, CultureInfo.InvariantCulture) });

        Assert.Null(draft);
        Assert.Equal(message, Assert.Single(errors["$.patientPaid"]));
    }

    [Theory]
    [InlineData("425", "425")]
    [InlineData("0", null)]
    public void TryBuild_PatientPaidUpToTheTotal_IsKeptAndZeroMeansNothing(string amount, string? kept)
    {
        var (draft, errors) = Build(Valid() with { PatientPaid = decimal.Parse(amount, CultureInfo.InvariantCulture) });

        Assert.Empty(errors);
        Assert.Equal(kept is null ? null : Money.Usd(decimal.Parse(kept, CultureInfo.InvariantCulture)), draft!.PatientPaid);
    }

    [Fact]
    public void TryBuild_Limits_FiftyLinesFourDiagnoses()
    {
        var lines = Enumerable.Range(0, 51).Select(i => Filling() with { LineControlNumber = $"L{i}" }).ToList();

        var (_, tooManyLines) = Build(Valid() with { Lines = lines, Total = 51 * 185m });
        var (_, tooManyDiagnoses) = Build(Valid() with { Diagnoses = ["K02.52", "K02.53", "K02.61", "K02.62", "K05.311"] });

        Assert.Equal(["$.lines"], tooManyLines.Keys);
        Assert.Equal(["$.diagnoses"], tooManyDiagnoses.Keys);
    }

    [Fact]
    public void TryBuild_PointerToADiagnosisTheClaimLacks_IsRefused()
    {
        var (_, errors) = Build(Valid() with { Lines = [Filling(pointer: 3), Scaling()] });

        Assert.Equal(["$.lines[0].diagnosisPointers"], errors.Keys);
    }

    [Fact]
    public void TryBuild_DmsInsurer_TakesNomenclatureCodesAndFdiTeeth()
    {
        var dms = Us with { PayerId = "dms-demo", Currency = "RUB", Codes = ProcedureCodeSystem.Nomenclature804n, Teeth = ToothSystem.Fdi };
        var request = new ClaimRequest
        {
            Total = 4500m,
            Lines = [new ClaimLineRequest { Code = "A16.07.002", Tooth = "36", Fee = 4500m, ServiceDate = Today }],
        };
        var cdt = request with { Lines = [request.Lines[0] with { Code = "D2392" }] };

        var (draft, errors) = Build(request, dms);
        var (_, wrongSystem) = Build(cdt, dms);

        Assert.Empty(errors);
        Assert.Equal("36", draft!.Lines[0].Tooth!.Value.Value);
        Assert.Equal(["$.lines[0].code"], wrongSystem.Keys);
    }

    [Fact]
    public void TryBuild_SecondaryCoverage_IsCarriedUnlessItIsTheBilledOne()
    {
        var other = Guid.NewGuid();

        var (draft, _) = Build(Valid() with { SecondaryCoverageId = other });
        var (_, errors) = Build(Valid() with { SecondaryCoverageId = Us.CoverageId });

        Assert.Equal(other, draft!.SecondaryCoverageId);
        Assert.Equal(["$.secondaryCoverageId"], errors.Keys);
    }

    [Theory]
    [InlineData("lines[1].tooth", "$.lines[0].tooth")]
    [InlineData("lines[12].diagnosisPointers", "$.lines[11].diagnosisPointers")]
    [InlineData("lines", "$.lines")]
    [InlineData("accident.date", "$.accident.date")]
    public void PathOf_DomainFieldToRequestPath(string field, string path) => Assert.Equal(path, ClaimIntake.PathOf(field));
}
