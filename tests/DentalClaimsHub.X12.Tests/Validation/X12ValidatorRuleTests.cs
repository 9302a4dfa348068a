using DentalClaimsHub.X12.Tests.Samples;
using DentalClaimsHub.X12.Validation;

namespace DentalClaimsHub.X12.Tests.Validation;

public sealed class X12ValidatorRuleTests
{
    private readonly X12Validator _validator = new(SampleFiles.Registry);

    [Theory]
    [InlineData("837D-claims.x12", "DTP*472*D8*20260312~", "DTP*472*D8*20260231~", "IK403-8", "DTP", 3)]
    [InlineData("276-claim-status-request.x12", "RD8*20260310-20260310", "RD8*20260310-20260301", "IK403-8", "DTP", 3)]
    [InlineData("837D-claims.x12", "DMG*D8*19850412*F", "DMG*D8*1985041*F", "IK403-8", "DMG", 2)]
    [InlineData("837D-claims.x12", "HL*4*3*23*0", "HL*4*2*23*0", "IK403-I12", "HL", 2)]
    [InlineData("837D-claims.x12", "HL*2*1*22*0", "HL*2*1*22*1", "IK403-I12", "HL", 4)]
    [InlineData("837D-claims.x12", "CLM*PCN1003*350**", "CLM*PCN1003*350*X*", "IK403-I10", "CLM", 3)]
    [InlineData("837D-claims.x12", "CLM*PCN1003*350*", "CLM*PCN1003*35O*", "IK403-6", "CLM", 2)]
    [InlineData("837D-claims.x12", "*20260315*1030*CH~", "*20260315*2560*CH~", "IK403-9", "BHT", 5)]
    [InlineData("837D-claims.x12", "*20260315*1030*CH~", "*20260315*1030*ZZ~", "IK403-7", "BHT", 6)]
    [InlineData("837D-claims.x12", "NM1*QC*1*OKAFOR*AMARA~", "NM1*QC*1*OKAFOR*AMARAAMARAAMARAAMARAAMARAAMARAAMARAAMARA~", "IK403-5", "NM1", 4)]
    [InlineData("837D-claims.x12", "TOO*JP*19*O:B~", "TOO*JP*19*O:B:D:L:F:M~", "IK403-13", "TOO", 3)]
    [InlineData("271-dental-benefits.x12", "EB*I*IND*27~", "EB*I*IND*27************X~", "IK403-3", "EB", 15)]
    [InlineData("837D-claims.x12", "BHT*0019*00*BATCH20260315A*20260315*1030*CH~", "BHT*0019*00*BATCH20260315A*20260315*1030*CH~BHT*0019*00*X*20260315*1030*CH~",
        "IK304-5", "BHT", null)]
    [InlineData("837D-claims.x12", "N3*1200 MAPLE AVENUE*SUITE 210~\nN4*SPRINGFIELD*IL*627041234~\nREF*EI*371234567~",
        "N4*SPRINGFIELD*IL*627041234~\nREF*EI*371234567~\nN3*1200 MAPLE AVENUE*SUITE 210~", "IK304-7", "N3", null)]
    [InlineData("270-dental-inquiry.x12", "EQ*35~", "EQ*35~XYZ*1~", "IK304-1", "XYZ", null)]
    [InlineData("270-dental-inquiry.x12", "EQ*35~", "EQ*35~CLP*1*1*1*1**12*1~", "IK304-6", "CLP", null)]
    [InlineData("837D-claims.x12", "REF*F8*DNCLM26030900123~\n", "", "IK304-I6", "REF", null)]
    [InlineData("837D-claims.x12", "DTP*472*D8*20260312~\n", "", "IK304-I6", "DTP", null)]
    [InlineData("837D-claims.x12", "DTP*441*D8*20190603~\n", "", "IK304-I6", "DTP", null)]
    [InlineData("837D-claims.x12", "PWK*RB*EL***AC*ATT20260311A~", "DTP*472*D8*20260311~\nPWK*RB*EL***AC*ATT20260311A~", "IK304-I9", "DTP", null)]
    [InlineData("837D-claims.x12", "SV3*AD:D1351*60****1~\nTOO*JP*3~", "SV3*AD:D1351*60****2~\nTOO*JP*3~\nTOO*JP*30~", "IK304-5", "TOO", null)]
    public void Validate_BrokenRule_ReportsItsCode(string sample, string find, string replace, string code, string segmentId, int? element)
    {
        var text = SampleFiles.Read(sample).Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(SampleFiles.Read(sample), text);

        var report = _validator.Validate(FixSegmentCount(text, find, replace));

        var finding = Assert.Single(report.Findings, f => f.Issue.Code == code && f.Issue.SegmentId == segmentId);
        Assert.Equal(element, finding.Issue.ElementPosition);
        Assert.True(finding.IsError);
    }

    [Fact]
    public void Validate_Ta1WithUnknownNoteCode_ReportsTheElement()
    {
        var text = SampleFiles.Read("TA1-accepted.x12").Replace("*A*000~", "*A*099~", StringComparison.Ordinal);

        var report = _validator.Validate(text);

        var finding = Assert.Single(report.Findings, f => f.IsError);
        Assert.Equal(("IK403-7", "TA1", 5, "099"), (finding.Issue.Code, finding.Issue.SegmentId, finding.Issue.ElementPosition, finding.BadValue));
    }

    [Fact]
    public void Validate_UnknownServiceTypeInPartialList_IsOnlyAWarning()
    {
        var text = SampleFiles.Read("270-dental-inquiry.x12").Replace("EQ*35~", "EQ*MH~", StringComparison.Ordinal);

        var report = _validator.Validate(text);

        Assert.True(report.IsValid);
        var warning = Assert.Single(report.Findings);
        Assert.Equal((X12IssueSeverity.Warning, "IK403-7", "MH"), (warning.Issue.Severity, warning.Issue.Code, warning.BadValue));
    }

    // Inserted or removed segments change the count; keep SE01 right so the test sees only the rule it breaks.
    private static string FixSegmentCount(string text, string find, string replace)
    {
        var delta = replace.Count(c => c == '~') - find.Count(c => c == '~');
        if (delta == 0)
            return text;
        var start = text.IndexOf("\nSE*", StringComparison.Ordinal) + 4;
        var end = text.IndexOf('*', start);
        var count = int.Parse(text[start..end], System.Globalization.CultureInfo.InvariantCulture) + delta;
        return text[..start] + count.ToString(System.Globalization.CultureInfo.InvariantCulture) + text[end..];
    }
}
