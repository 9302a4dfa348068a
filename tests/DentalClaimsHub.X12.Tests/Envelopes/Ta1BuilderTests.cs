using System.Text;
using DentalClaimsHub.X12.Acknowledgements;
using DentalClaimsHub.X12.Envelopes;
using DentalClaimsHub.X12.Tests.Reading;
using DentalClaimsHub.X12.Tests.Writing;
using DentalClaimsHub.X12.Writing;

namespace DentalClaimsHub.X12.Tests.Envelopes;

public class Ta1BuilderTests
{
    private static string Ta1For(string received)
    {
        var report = new X12EnvelopeValidator().Validate(new MemoryStream(Encoding.UTF8.GetBytes(received)));
        var builder = new Ta1Builder(new SequentialControlNumberSource(500), FixedTimeProvider.Default);
        return builder.Build(report.Interchanges[0]);
    }

    [Fact]
    public void Build_ValidInterchange_AcceptsWithSwappedPartiesAndNoGroup()
    {
        var text = Ta1For(X12TestInput.Interchange());

        Assert.Equal(
            "ISA*00*          *00*          *ZZ*RECEIVER01     *ZZ*SUBMITTER01    *260115*1230*^*00501*000000500*0*T*:~"
            + "TA1*000000001*260115*1230*A*000~IEA*0*000000500~",
            text);
    }

    [Fact]
    public void Build_ControlNumberMismatch_RejectsWithNote001()
    {
        var text = Ta1For(X12TestInput.Interchange().Replace("IEA*1*000000001", "IEA*1*000000002"));

        Assert.Contains("~TA1*000000001*260115*1230*R*001~", text);
    }

    [Fact]
    public void Build_InvalidDate_RejectsWithNote014AndFallsBackToToday()
    {
        var text = Ta1For(X12TestInput.Interchange().Replace("*260115*1230*^", "*261399*1230*^"));

        Assert.Contains("~TA1*000000001*260115*1230*R*014~", text);
    }

    [Fact]
    public void Build_UnusualDelimiters_AnswersInTheSenderDelimiters()
    {
        var text = Ta1For(X12TestInput.Interchange('|', '^', '>', '\n'));

        Assert.Contains("\nTA1|000000001|260115|1230|A|000\nIEA|0|000000500\n", text);
        Assert.Equal(106, text.IndexOf("TA1", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_GroupLevelErrorOnly_StillAcceptsInterchange()
    {
        var text = Ta1For(X12TestInput.Interchange().Replace("GE*1*1~", "GE*1*2~"));

        Assert.Contains("TA1*000000001*260115*1230*A*000~", text);
    }
}
