using DentalClaimsHub.Adapters.Claims;
using DentalClaimsHub.Adapters.Fhir.Claims;
using DentalClaimsHub.Domain.Claims;
using DentalClaimsHub.Domain.Values;
using Hl7.Fhir.Model;
using static DentalClaimsHub.Adapters.Tests.Fhir.Claims.ClaimSamples;
using FhirClaim = Hl7.Fhir.Model.Claim;
using Money = Hl7.Fhir.Model.Money;

// The SDK's POCO properties are all nullable; a missing element fails these tests with an exception, which is the point.
#nullable disable warnings

namespace DentalClaimsHub.Adapters.Tests.Fhir.Claims;

public sealed class FhirClaimBuilderTests
{
    private static readonly FhirClaimBuilder Builder = new(new FixedTime(Now));

    [Fact]
    public void Build_Original_IsActiveOralClaimWithControlNumberPartiesAndTotal()
    {
        var claim = Builder.Build(Submission(Routine()));

        Assert.Equal(FinancialResourceStatusCodes.Active, claim.Status);
        Assert.Equal(("http://terminology.hl7.org/CodeSystem/claim-type", "oral"), (claim.Type.Coding[0].System, claim.Type.Coding[0].Code));
        Assert.Equal(ClaimUseCode.Claim, claim.Use);
        Assert.Equal("normal", claim.Priority.Coding[0].Code);
        var identifier = Assert.Single(claim.Identifier);
        Assert.Equal((FhirClaimSystems.PatientControlNumber, "PCN-2026-0001"), (identifier.System, identifier.Value));
        Assert.Equal("Patient/11111111-2222-4333-8444-555555555501", claim.Patient.Reference);
        Assert.Equal($"Organization/{PracticeId}", claim.Provider.Reference);
        Assert.Equal("1234567893", claim.Provider.Identifier.Value);
        Assert.Equal(("Organization/demo-fhir-dental", "demo-fhir-dental"), (claim.Insurer.Reference, claim.Insurer.Identifier.Value));
        Assert.Equal("2026-03-15T10:30:00+00:00", claim.Created);
        Assert.Equal((515m, Money.Currencies.USD), (claim.Total.Value ?? 0, claim.Total.Currency ?? default));
        Assert.Empty(claim.Related);
    }

    [Fact]
    public void Build_Original_DiagnosesAreIcd10CmInPointerOrderAndItemsPointAtThem()
    {
        var claim = Builder.Build(Submission(Routine()));

        Assert.Equal([1, 2], claim.Diagnosis.Select(d => d.Sequence ?? 0));
        Assert.All(claim.Diagnosis, d => Assert.Equal("http://hl7.org/fhir/sid/icd-10-cm", ((CodeableConcept)d.Diagnosis).Coding[0].System));
        Assert.Equal(["K02.52", "K04.0"], claim.Diagnosis.Select(d => ((CodeableConcept)d.Diagnosis).Coding[0].Code));
        int[][] pointers = [[], [1], [2]];
        Assert.Equal(pointers, claim.Item.Select(i => i.DiagnosisSequence.Select(s => s!.Value).ToArray()));
    }

    [Fact]
    public void Build_Lines_CarryCdtCodeDateUnitsMoneyAndLineControlNumber()
    {
        var claim = Builder.Build(Submission(Routine()));

        Assert.Equal([1, 2, 3], claim.Item.Select(i => i.Sequence ?? 0));
        Assert.All(claim.Item, i => Assert.Equal("http://www.ada.org/cdt", i.ProductOrService.Coding[0].System));
        Assert.Equal(["D0120", "D2393", "D4341"], claim.Item.Select(i => i.ProductOrService.Coding[0].Code));
        Assert.All(claim.Item, i => Assert.Null(i.ProductOrService.Coding[0].Display));
        Assert.All(claim.Item, i => Assert.Equal("2026-03-10", Assert.IsType<Date>(i.Serviced).Value));
        Assert.All(claim.Item, i => Assert.Equal("11", ((CodeableConcept)i.Location).Coding[0].Code));
        var restoration = claim.Item[1];
        Assert.Equal((1m, 240m, 240m), (restoration.Quantity.Value ?? 0, restoration.UnitPrice.Value ?? 0, restoration.Net.Value ?? 0));
        Assert.Equal(Money.Currencies.USD, restoration.Net.Currency);
        var control = Assert.IsType<Identifier>(restoration.GetExtensionValue<Identifier>(FhirClaimSystems.LineControlNumberExtension));
        Assert.Equal("LCN-D2393-3", control.Value);
        Assert.Equal([1], claim.Item.Select(i => i.CareTeamSequence.Single()!.Value).Distinct());
    }

    [Fact]
    public void Build_SeveralUnits_UnitPriceOnlyWhenTheFeeSplitsIntoCents()
    {
        var claim = Builder.Build(Submission(Claim(
            Line("D0220", 60m, units: 3),
            Line("D0230", 100m, units: 3))));

        Assert.Equal((3m, 20m, 60m), (claim.Item[0].Quantity.Value ?? 0, claim.Item[0].UnitPrice.Value ?? 0, claim.Item[0].Net.Value ?? 0));
        Assert.Null(claim.Item[1].UnitPrice);
        Assert.Equal(100m, claim.Item[1].Net.Value ?? 0);
        Assert.Equal(160m, claim.Total.Value ?? 0);
    }

    [Fact]
    public void Build_Predetermination_UsesPredeterminationAndNoServicedDate()
    {
        var submission = Submission(Routine()) with { Predetermination = true };

        var claim = Builder.Build(submission);

        Assert.Equal(ClaimUseCode.Predetermination, claim.Use);
        Assert.All(claim.Item, i => Assert.Null(i.Serviced));
        Assert.Equal(3, claim.Item.Count);
    }

    [Fact]
    public void Build_ClaimCreatedAsPredetermination_UsesPredeterminationWithoutTheFlag()
    {
        var patient = Patient();
        var plan = Domain.Claims.Claim.Create(PracticeId, patient.Id, Coverage(patient).Id, "demo-fhir-dental", "USD", "test", Now,
            purpose: ClaimPurpose.Predetermination);
        plan.AddLine(Line("D2740", 1100m, tooth: "14") with { ServiceDate = null }, Now);

        var claim = Builder.Build(Submission(plan));

        Assert.Equal(ClaimUseCode.Predetermination, claim.Use);
        Assert.Null(Assert.Single(claim.Item).Serviced);
    }

    [Fact]
    public void Build_Void_IsCancelledAndPointsAtTheOriginalPayerClaimNumber()
    {
        var original = Accepted(Routine(), "PAYER-88001");
        var voiding = original.CreateVoid("test", Now);

        var claim = Builder.Build(Submission(voiding));

        Assert.Equal(FinancialResourceStatusCodes.Cancelled, claim.Status);
        var related = Assert.Single(claim.Related);
        Assert.Equal("prior", related.Relationship.Coding[0].Code);
        Assert.Equal((FhirClaimSystems.PayerClaimNumber, "PAYER-88001"), (related.Claim.Identifier.System, related.Claim.Identifier.Value));
    }

    [Fact]
    public void Build_Replacement_IsActiveAndRelatedPriorToTheOriginal()
    {
        var original = Accepted(Routine(), "PAYER-88002");
        var replacement = original.CreateReplacement("test", Now);

        var claim = Builder.Build(Submission(replacement));

        Assert.Equal(FinancialResourceStatusCodes.Active, claim.Status);
        var related = Assert.Single(claim.Related);
        Assert.Equal(("http://terminology.hl7.org/CodeSystem/related-claim-relationship", "prior"),
            (related.Relationship.Coding[0].System, related.Relationship.Coding[0].Code));
        Assert.Equal("PAYER-88002", related.Claim.Identifier.Value);
        Assert.Equal(replacement.PatientControlNumber, claim.Identifier[0].Value);
        Assert.NotEqual(original.PatientControlNumber, claim.Identifier[0].Value);
    }

    [Fact]
    public void Build_UniversalTooth_IsFdiInBodySiteWithTheUniversalCodingBeside()
    {
        var claim = Builder.Build(Submission(Routine()));

        var site = claim.Item[1].BodySite;
        Assert.Equal(("http://terminology.hl7.org/CodeSystem/ex-tooth", "16"), (site.Coding[0].System, site.Coding[0].Code));
        Assert.Equal((FhirClaimSystems.AdaUniversalTooth, "3"), (site.Coding[1].System, site.Coding[1].Code));
        Assert.Null(claim.Item[0].BodySite);
    }

    [Fact]
    public void Build_Surfaces_OneFdiSubSiteEachInCanonicalOrder()
    {
        var claim = Builder.Build(Submission(Routine()));

        var subSites = claim.Item[1].SubSite;
        Assert.All(subSites, s => Assert.Equal("http://terminology.hl7.org/CodeSystem/FDI-surface", s.Coding[0].System));
        Assert.Equal(["M", "O", "D"], subSites.Select(s => s.Coding[0].Code));
        Assert.Empty(claim.Item[0].SubSite);
    }

    [Theory]
    [InlineData("8", "IF", "11", "I,V")] // facial becomes FDI ventral
    [InlineData("30", "BL", "46", "B,L")]
    [InlineData("A", "O", "55", "O")] // primary upper right second molar
    [InlineData("T", "D", "85", "D")]
    public void Build_ToothAndSurfaces_ConvertToFdi(string universal, string surfaces, string fdi, string fdiSurfaces)
    {
        var claim = Builder.Build(Submission(Claim(Line("D2999", 90m, tooth: universal, surfaces: surfaces))));

        var item = Assert.Single(claim.Item);
        Assert.Equal(fdi, item.BodySite.Coding[0].Code);
        Assert.Equal(universal, item.BodySite.Coding[1].Code);
        Assert.Equal(fdiSurfaces.Split(','), item.SubSite.Select(s => s.Coding[0].Code));
    }

    [Theory]
    [InlineData(OralCavityArea.WholeMouth, "0", "00")]
    [InlineData(OralCavityArea.UpperRight, "1", "10")]
    [InlineData(OralCavityArea.UpperLeft, "2", "20")]
    [InlineData(OralCavityArea.LowerLeft, "3", "30")]
    [InlineData(OralCavityArea.LowerRight, "4", "40")]
    public void Build_AreaLines_AreFdiAreaAndAdaAreaCodings(OralCavityArea area, string fdi, string ada)
    {
        var claim = Builder.Build(Submission(Claim(Line("D4999", 100m, area: area))));

        var site = Assert.Single(claim.Item).BodySite;
        Assert.Equal([("http://terminology.hl7.org/CodeSystem/ex-tooth", fdi), (FhirClaimSystems.AdaOralArea, ada)],
            site.Coding.Select(c => (c.System, c.Code)));
    }

    [Theory]
    [InlineData(OralCavityArea.Maxillary, "01")]
    [InlineData(OralCavityArea.Mandibular, "02")]
    public void Build_ArchLines_CarryTheAdaAreaOnly(OralCavityArea area, string ada)
    {
        var claim = Builder.Build(Submission(Claim(Line("D5110", 1200m, area: area))));

        var coding = Assert.Single(Assert.Single(claim.Item).BodySite.Coding);
        Assert.Equal((FhirClaimSystems.AdaOralArea, ada), (coding.System, coding.Code));
    }

    [Fact]
    public void Build_NoOtherCoverage_OneFocalInsurance()
    {
        var claim = Builder.Build(Submission(Routine()));

        var insurance = Assert.Single(claim.Insurance);
        Assert.Equal((1, true), (insurance.Sequence ?? 0, insurance.Focal ?? false));
        Assert.Equal(("Coverage/22222222-3333-4444-8555-666666666601", "FHIR-4488120"),
            (insurance.Coverage.Reference, insurance.Coverage.Identifier.Value));
    }

    [Fact]
    public void Build_OtherCoverage_ListedSecondAndNotFocal()
    {
        var patient = Patient();
        var other = new OtherCoverage(SpouseCoverage(patient), "Other Dental Mutual", "OTH01", ResponsibilityIsPrimary: false);
        var submission = Submission(Routine()) with { Other = other };

        var claim = Builder.Build(submission);

        Assert.Equal([(1, true), (2, false)], claim.Insurance.Select(i => (i.Sequence ?? 0, i.Focal ?? true)));
        Assert.Equal("Coverage/22222222-3333-4444-8555-666666666602", claim.Insurance[1].Coverage.Reference);
        Assert.Equal("OTH-5512", claim.Insurance[1].Coverage.Identifier.Value);
    }

    [Fact]
    public void Build_SecondaryClaim_CarriesWhatThePrimaryPayerPaid()
    {
        var other = new OtherCoverage(SpouseCoverage(Patient()), "Other Dental Mutual", "OTH01", ResponsibilityIsPrimary: true,
            Domain.Values.Money.Usd(180.25m));

        var claim = Builder.Build(Submission(Routine()) with { Other = other });

        Assert.Null(claim.Insurance[0].GetExtension(FhirClaimSystems.OtherPayerPaidExtension));
        var paid = claim.Insurance[1].GetExtensionValue<Money>(FhirClaimSystems.OtherPayerPaidExtension);
        Assert.Equal((180.25m, Money.Currencies.USD), (paid.Value ?? 0, paid.Currency ?? default));
    }

    [Fact]
    public void Build_Attachments_AreSupportingInfoWithContentTypeTitleAndControlNumber()
    {
        var source = Routine();
        source.AddAttachment(new ClaimAttachment("RB", AttachmentTransmission.Electronic, "ACN-0001", "image/jpeg", 48_213,
            "blobs/acn-0001", "bitewing-right.jpg"), Now);
        source.AddAttachment(new ClaimAttachment("OZ", AttachmentTransmission.Mail, "ACN-0002", "application/pdf", 1_024, "blobs/acn-0002"), Now);

        var claim = Builder.Build(Submission(source));

        Assert.Equal(2, claim.SupportingInfo.Count);
        var first = claim.SupportingInfo[0];
        Assert.Equal((1, "attachment"), (first.Sequence ?? 0, first.Category.Coding[0].Code));
        Assert.Equal("http://terminology.hl7.org/CodeSystem/claiminformationcategory", first.Category.Coding[0].System);
        Assert.Equal("RB", first.Code.Coding[0].Code);
        var attachment = Assert.IsType<Attachment>(first.Value);
        Assert.Equal(("image/jpeg", "bitewing-right.jpg", 48_213), (attachment.ContentType, attachment.Title, attachment.SizeUnsignedInt ?? 0));
        Assert.Equal("ACN-0001", first.GetExtensionValue<Identifier>(FhirClaimSystems.AttachmentControlNumberExtension).Value);
        Assert.Equal("EL", first.GetExtensionValue<Coding>(FhirClaimSystems.AttachmentTransmissionExtension).Code);
        var second = claim.SupportingInfo[1];
        Assert.Null(Assert.IsType<Attachment>(second.Value).Title);
        Assert.Equal("BM", second.GetExtensionValue<Coding>(FhirClaimSystems.AttachmentTransmissionExtension).Code);
    }

    [Fact]
    public void Build_MissingTeethProsthesisAndOrthodontics_AreSupportingInfoLinkedToTheirLines()
    {
        var source = Claim(
            Line("D0120", 55m),
            Line("D6240", 1100m, tooth: "19") with
            {
                Prosthesis = ProsthesisPlacement.Replacement,
                PriorPlacementDate = new DateOnly(2015, 6, 1),
            },
            Line("D6999", 1500m, tooth: "20") with { AdditionalTeeth = [ToothNumber.ParseUniversal("21")] });
        source.SetMissingTeeth([new MissingTooth(ToothNumber.ParseUniversal("19"), MissingToothStatus.Missing),
            new MissingTooth(ToothNumber.ParseUniversal("30"), MissingToothStatus.ToBeExtracted)], Now);
        source.SetOrthodontics(new OrthodonticInfo(24, 18, new DateOnly(2025, 9, 1)), Now);

        var claim = Builder.Build(Submission(source));

        var info = claim.SupportingInfo;
        Assert.Equal(["missingtooth", "missingtooth", "info", "info", "prosthesis", "info"], info.Select(i => i.Category.Coding[0].Code));
        Assert.Equal([1, 2, 3, 4, 5, 6], info.Select(i => i.Sequence ?? 0));
        Assert.Equal(("36", "M"), (info[0].Code.Coding[0].Code, info[0].Reason.Coding[0].Code));
        Assert.Equal(("46", "E"), (info[1].Code.Coding[0].Code, info[1].Reason.Coding[0].Code));
        Assert.Equal((24m, "orthodontic-months-total", "2025-09-01"),
            (((Quantity)info[2].Value).Value ?? 0, info[2].Code.Coding[0].Code, ((Date)info[2].Timing).Value));
        Assert.Equal((18m, "orthodontic-months-remaining"), (((Quantity)info[3].Value).Value ?? 0, info[3].Code.Coding[0].Code));
        Assert.Equal(("R", "2015-06-01"), (info[4].Code.Coding[0].Code, ((Date)info[4].Timing).Value));
        Assert.Equal("additionalbodysite", info[5].Category.Coding[1].Code);
        Assert.Equal("34", info[5].Code.Coding[0].Code);
        int[][] links = [[], [5], [6]];
        Assert.Equal(links, claim.Item.Select(i => i.InformationSequence.Select(s => s!.Value).ToArray()));
        Assert.Equal("36", claim.Item[1].BodySite.Coding[0].Code);
    }

    [Fact]
    public void Build_Accident_DateTypeAndState()
    {
        var source = Routine();
        source.SetAccident(new AccidentInfo(AccidentCause.AutoAccident, new DateOnly(2026, 2, 28), "IL"), Now);

        var accident = Builder.Build(Submission(source)).Accident;

        Assert.Equal("2026-02-28", accident.Date);
        Assert.Equal([("http://terminology.hl7.org/CodeSystem/v3-ActCode", "MVA"), (FhirClaimSystems.X12RelatedCauses, "AA")],
            accident.Type.Coding.Select(c => (c.System, c.Code)));
        Assert.Equal("IL", Assert.IsType<Address>(accident.Location).State);
    }

    [Fact]
    public void Build_AuthorizationNumbers_GoToPreAuthRefOnceAndOnTheirLine()
    {
        var source = Claim(
            Line("D2740", 1100m, tooth: "14") with { PriorAuthorizationNumber = "PA-77" },
            Line("D2950", 300m, tooth: "14") with { PriorAuthorizationNumber = "PA-77" });
        source.SetAuthorizations("PA-1", "PD-2", Now);

        var claim = Builder.Build(Submission(source));

        Assert.Equal(["PA-1", "PD-2", "PA-77"], claim.Insurance[0].PreAuthRef);
        Assert.Equal("PA-77", claim.Item[0].GetStringExtension(FhirClaimSystems.LinePriorAuthorizationExtension));
    }

    [Fact]
    public void Build_NoRenderingProvider_HasNoCareTeam()
    {
        var patient = Patient();
        var source = Domain.Claims.Claim.Create(PracticeId, patient.Id, Coverage(patient).Id, "demo-fhir-dental", "USD", "test", Now);
        source.AddLine(Line("D0120", 55m), Now);

        var claim = Builder.Build(Submission(source));

        Assert.Empty(claim.CareTeam);
        Assert.Empty(Assert.Single(claim.Item).CareTeamSequence);
    }

    [Fact]
    public void Build_RenderingProvider_IsThePrimaryCareTeamMemberWithTaxonomy()
    {
        var careTeam = Assert.Single(Builder.Build(Submission(Routine())).CareTeam);

        Assert.Equal((1, "Practitioner/npi-1987654328", "primary"), (careTeam.Sequence ?? 0, careTeam.Provider.Reference, careTeam.Role.Coding[0].Code));
        Assert.Equal("1223G0001X", careTeam.Qualification.Coding[0].Code);
    }
}
