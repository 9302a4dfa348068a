using System.Globalization;
using Bunit;
using DentalClaimsHub.Adapters.Codes;
using DentalClaimsHub.Api.AdminConsole;
using DentalClaimsHub.Api.AdminConsole.Components.Shared;
using DentalClaimsHub.Api.AdminConsole.X12View;
using DentalClaimsHub.X12.Parsing;
using DentalClaimsHub.X12.Schemas;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace DentalClaimsHub.Api.Tests.Console;

/// <summary>The X12 view builder, the acknowledgement highlighter and the viewer component on the repository's sample files.</summary>
public sealed class X12ViewTests : IDisposable
{
    private static readonly X12Parser Parser = new(X12SchemaRegistry.LoadDefault());
    private static readonly X12CodeDescriptions Codes = X12CodeDescriptions.LoadDefault();
    private readonly CultureInfo _culture = CultureInfo.CurrentUICulture;
    private readonly ServiceProvider _services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
    private static readonly X12SchemaNames Names = X12SchemaNames.Load(X12SchemaRegistry.FindSchemasDirectory());
    private readonly X12ViewBuilder _builder = new(Parser, Names);

    public X12ViewTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    private X12Highlighter Highlighter => new(Explainer);

    private X12CodeExplainer Explainer => new(Codes, _services.GetRequiredService<IStringLocalizer<ConsoleText>>());

    private static string Sample(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "samples", "x12", name);
            if (File.Exists(path))
                return File.ReadAllText(path);
        }

        throw new FileNotFoundException(name);
    }

    [Fact]
    public void Rows_carry_envelope_and_loop_depth_and_element_names_from_the_schema()
    {
        var parsed = _builder.Build(Sample("837D-claims.x12"));

        Assert.True(parsed.View.Structured);
        var rows = parsed.View.Rows;
        Assert.Equal(("ISA", 0), (rows[0].SegmentId, rows[0].Depth));
        Assert.Equal(("GS", 1), (rows[1].SegmentId, rows[1].Depth));
        Assert.Equal(("ST", 2), (rows[2].SegmentId, rows[2].Depth));
        Assert.Equal("IEA", rows[^1].SegmentId);
        var clm = rows.First(r => r.SegmentId == "CLM");
        Assert.EndsWith("2300", clm.LoopPath, StringComparison.Ordinal);
        Assert.True(clm.Depth > 3);
        var charge = clm.Elements[1];
        Assert.Equal("CLM02", charge.Reference);
        Assert.Equal("CLM02 Total Claim Charge Amount", charge.Title);
        Assert.Equal(("Claim Information", "Claim Information"), (clm.SegmentName, clm.LoopName));
        Assert.Equal(["11", "B", "1"], clm.Elements[4].Repetitions[0]);
        var lx = rows.First(r => r.SegmentId == "LX");
        Assert.True(lx.Depth > clm.Depth);
    }

    [Fact]
    public void In_Russian_rows_name_segments_elements_and_loops_in_Russian()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru");

        var rows = _builder.Build(Sample("837D-claims.x12")).View.Rows;

        var clm = rows.First(r => r.SegmentId == "CLM");
        Assert.Equal("CLM02 Итого начислено по заявке", clm.Elements[1].Title);
        Assert.Equal("CLM05 Место оказания услуг", clm.Elements[4].Title);
        Assert.Equal(("Сведения о заявке", "Сведения о заявке"), (clm.SegmentName, clm.LoopName));
        var subscriber = rows.First(r => r.SegmentId == "NM1" && r.LoopPath.EndsWith("2010BA", StringComparison.Ordinal));
        Assert.Equal(("Имя лица или название организации", "Имя застрахованного (подписчика)"), (subscriber.SegmentName, subscriber.LoopName));
        Assert.Equal("NM109 Идентификационный код", subscriber.Elements[8].Title);
        // The envelope is named too (its segments are in the interchange-level schema, TA1.json).
        Assert.Equal(("ISA", "Заголовок обмена"), (rows[0].SegmentId, rows[0].SegmentName));
        Assert.Equal("ISA06 Идентификатор отправителя обмена", rows[0].Elements[5].Title);
        var gs = rows.First(r => r.SegmentId == "GS");
        Assert.Equal("GS06 Контрольный номер группы", gs.Elements[5].Title);
        Assert.Equal("IEA01 Число функциональных групп", rows[^1].Elements[0].Title);
    }

    [Fact]
    public void Envelope_segments_are_named_from_the_schema_in_English()
    {
        var rows = _builder.Build(Sample("837D-claims.x12")).View.Rows;

        Assert.Equal("ISA13 Interchange Control Number", rows[0].Elements[12].Title);
        Assert.Equal("GE01 Number of Transaction Sets Included", rows.First(r => r.SegmentId == "GE").Elements[0].Title);
    }

    [Fact]
    public void A_broken_file_falls_back_to_one_row_per_segment()
    {
        var parsed = _builder.Build("NOT*AN*ISA~CLM*PCN1*10~garbage");

        Assert.False(parsed.View.Structured);
        Assert.Null(parsed.Document);
        Assert.Equal(["NOT", "CLM", "garbage"], parsed.View.Rows.Select(r => r.SegmentId));
        Assert.All(parsed.View.Rows, r => Assert.Equal(0, r.Depth));
    }

    [Fact]
    public void A_999_marks_the_837_segment_and_element_its_IK3_and_IK4_point_at()
    {
        var claim = _builder.Build(Sample("837D-claims.x12"));
        var ack = _builder.Build(Sample("999-rejected.x12"));

        Highlighter.Mark999(ack, [claim]);

        var marked = Assert.Single(claim.View.Rows, r => r.Highlights.Count > 0);
        Assert.Equal("CLM", marked.SegmentId);
        Assert.Equal("PCN1001", marked.Elements[0].Repetitions[0][0]);
        var ik3 = Assert.Single(marked.Highlights, h => h.Kind == X12HighlightKind.SegmentError);
        Assert.Equal("8", ik3.Code);
        Assert.Equal(Codes.Describe("ack999-segment-error", "8"), ik3.Explanation);
        var ik4 = Assert.Single(marked.Highlights, h => h.Kind == X12HighlightKind.ElementError);
        Assert.Equal((5, 3, "7"), (ik4.Element, ik4.Component, ik4.Code));
        Assert.Contains(ack.View.Rows, r => r.SegmentId == "IK3" && r.Highlights.Count == 1);
        Assert.Contains(ack.View.Rows, r => r.SegmentId == "IK5" && r.Highlights.Single().Code == "R");
    }

    [Fact]
    public void A_999_for_another_transaction_set_marks_nothing_on_the_837()
    {
        var claim = _builder.Build(Sample("837D-claims.x12").Replace("ST*837*0001*", "ST*837*0042*", StringComparison.Ordinal)
            .Replace("SE*", "SE*", StringComparison.Ordinal));
        var ack = _builder.Build(Sample("999-rejected.x12"));

        Highlighter.Mark999(ack, [claim]);

        Assert.DoesNotContain(claim.View.Rows, r => r.Highlights.Count > 0);
    }

    [Fact]
    public void A_277CA_marks_the_claims_CLM_with_the_status_in_words()
    {
        var claim = _builder.Build(Sample("837D-claims.x12"));
        var ack = _builder.Build(Sample("277CA-claim-acknowledgment.x12"));

        Highlighter.Mark277(ack, [claim], "PCN1002");

        var marked = Assert.Single(claim.View.Rows, r => r.Highlights.Count > 0);
        Assert.Equal(("CLM", "PCN1002"), (marked.SegmentId, marked.Elements[0].Repetitions[0][0]));
        Assert.Equal(["A7", "A7"], marked.Highlights.Select(h => h.Code));
        Assert.Contains(Codes.StatusCategory("A7")!, marked.Highlights[0].Explanation, StringComparison.Ordinal);
        Assert.Contains(Codes.Status("21")!, marked.Highlights[1].Explanation, StringComparison.Ordinal);
        Assert.Equal(2, ack.View.Rows.Count(r => r.SegmentId == "STC" && r.Highlights.Count > 0));
    }

    [Fact]
    public void Codes_read_in_Russian_with_a_fallback_for_unknown_ones()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru");

        Assert.Equal("Сумма превышает тариф", Explainer.Carc("45"));
        Assert.StartsWith("A7: Отклонено", Explainer.Status("A7", "21", ""), StringComparison.Ordinal);
        Assert.Equal("код Q99 (нет описания)", Explainer.Carc("Q99"));
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        Assert.Equal("code Q99 (no description)", Explainer.Carc("Q99"));
    }

    [Fact]
    public void The_viewer_names_elements_on_hover_and_shows_the_mark_in_words()
    {
        var claim = _builder.Build(Sample("837D-claims.x12"));
        Highlighter.Mark999(_builder.Build(Sample("999-rejected.x12")), [claim]);
        using var context = new BunitContext();
        context.Services.AddLocalization();

        var viewer = context.Render<X12Viewer>(p => p.Add(v => v.View, claim.View).Add(v => v.Label, "837"));

        var charge = viewer.Find("li[data-segment=CLM] span[data-element=CLM02]");
        Assert.StartsWith("CLM02 ", charge.GetAttribute("title"), StringComparison.Ordinal);
        var hit = viewer.Find("li.hit");
        Assert.Equal("0", hit.GetAttribute("tabindex"));
        Assert.Contains("⚠ IK3 segment error 8", hit.TextContent, StringComparison.Ordinal);
        var element = Assert.Single(viewer.FindAll("span.el.hit"));
        Assert.Equal("CLM05", element.GetAttribute("data-element"));
    }

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _culture;
        _services.Dispose();
    }
}
