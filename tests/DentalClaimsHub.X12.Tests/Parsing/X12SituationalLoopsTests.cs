using DentalClaimsHub.X12.Parsing;
using DentalClaimsHub.X12.Tests.Samples;
using DentalClaimsHub.X12.Validation;

namespace DentalClaimsHub.X12.Tests.Parsing;

/// <summary>Situational 837D loops that the sample claims do not carry: pay-to plan (2010AC) and other payer providers (2330C–H).</summary>
public sealed class X12SituationalLoopsTests
{
    private static readonly string Claims = WithSegments(SampleFiles.Read("837D-claims.x12"),
        after: "REF*EI*371234567~",
        "NM1*PE*2*NORTH PLAN ADMINISTRATORS*****PI*NPA001~", "N3*77 HARBOR ROAD~", "N4*SPRINGFIELD*IL*62701~", "REF*EI*361112222~")
        is var withPayTo
        ? WithSegments(withPayTo, after: "PRV*PE*PXC*1223G0001X~",
            "SBR*S*18*OTHERGRP******CI~", "OI***Y***Y~", "NM1*IL*1*MORALES*ELENA****MI*OTH77120~",
            "NM1*PR*2*OTHER DENTAL CO*****PI*OTHER1~", "NM1*82*1~", "REF*G2*OTH-PATEL-1~", "NM1*77*2~", "REF*G2*OTH-SITE-9~")
        : throw new InvalidOperationException();

    [Fact]
    public void Parse_PayToPlanAndOtherPayerProviders_PlacesThemInTheirLoops()
    {
        var claims = new X12Parser(SampleFiles.Registry).Parse(Claims).Transactions.Single();

        var payToPlan = Assert.Single(claims.Loops("2010AC"));
        Assert.Equal("NPA001", payToPlan.Segment("NM1")![9]);
        var otherPayer = Assert.Single(claims.Loops("2320"));
        Assert.Equal("OTH-PATEL-1", Assert.Single(otherPayer.Loops("2330D")).Segment("REF")![2]);
        Assert.Equal("OTH-SITE-9", Assert.Single(otherPayer.Loops("2330G")).Segment("REF")![2]);
    }

    [Fact]
    public void Validate_PayToPlanAndOtherPayerProviders_IsValid()
    {
        var report = new X12Validator(SampleFiles.Registry).Validate(Claims);

        Assert.True(report.IsValid, string.Join("\n", report.Findings.Select(f => f.ToString())));
    }

    [Fact]
    public void Parse_271WithAdditionalInformation_PlacesIiiIn2115C()
    {
        var benefits = WithSegments(SampleFiles.Read("271-dental-benefits.x12"), after: "EB*C*IND*35***23*50*****Y~", "III*ZZ*11~");

        var answer = new X12Parser(SampleFiles.Registry).Parse(benefits).Transactions.Single();

        var additional = Assert.Single(answer.Loops("2115C"));
        Assert.Equal("11", additional.Segment("III")![2]);
        Assert.Equal("2110C", additional.Parent!.Id);
        Assert.True(new X12Validator(SampleFiles.Registry).Validate(benefits).IsValid);
    }

    // Inserts segments after the first occurrence of a segment and keeps SE01 (the ST..SE segment count) right.
    private static string WithSegments(string x12, string after, params string[] segments)
    {
        var at = x12.IndexOf(after, StringComparison.Ordinal) + after.Length;
        var text = x12[..at] + "\n" + string.Join("\n", segments) + x12[at..];
        var se = text.IndexOf("\nSE*", StringComparison.Ordinal) + 1;
        var end = text.IndexOf('*', se + 3);
        var count = int.Parse(text[(se + 3)..end], System.Globalization.CultureInfo.InvariantCulture) + segments.Length;
        return text[..(se + 3)] + count.ToString(System.Globalization.CultureInfo.InvariantCulture) + text[end..];
    }
}
