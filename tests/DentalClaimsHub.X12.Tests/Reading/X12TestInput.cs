using System.Text;
using DentalClaimsHub.X12.Reading;

namespace DentalClaimsHub.X12.Tests.Reading;

/// <summary>Builds small X12 inputs with chosen delimiters for the reader-layer tests.</summary>
internal static class X12TestInput
{
    public static string Isa(char e = '*', char r = '^', char c = ':', char s = '~', string control = "000000001") =>
        $"ISA{e}00{e}          {e}00{e}          {e}ZZ{e}SUBMITTER01    {e}ZZ{e}RECEIVER01     {e}260115{e}1230{e}{r}{e}00501"
        + $"{e}{control}{e}1{e}T{e}{c}{s}";

    /// <summary>A well-formed 837D-like interchange: ISA, GS, ST, 3 body segments, SE, GE, IEA.</summary>
    public static string Interchange(char e = '*', char r = '^', char c = ':', char s = '~', string control = "000000001",
        string between = "")
    {
        string[] rest =
        [
            $"GS{e}HC{e}SENDER{e}RECEIVER{e}20260115{e}1230{e}1{e}X{e}005010X224A2",
            $"ST{e}837{e}0001{e}005010X224A2",
            $"BHT{e}0019{e}00{e}REF1{e}20260115{e}1230{e}CH",
            $"CLM{e}PAT1{e}150{e}{e}{e}11{c}B{c}1{e}Y{e}A{e}Y{e}Y",
            $"HI{e}ABK{c}K021{r}ABF{c}K029",
            $"SE{e}5{e}0001",
            $"GE{e}1{e}1",
            $"IEA{e}1{e}{control}",
        ];
        return Isa(e, r, c, s, control) + between + string.Join("", rest.Select(x => x + s + between));
    }

    public static List<X12Segment> ReadAll(string text, out X12Reader reader) => ReadAll(Encoding.UTF8.GetBytes(text), out reader);

    public static List<X12Segment> ReadAll(byte[] bytes, out X12Reader reader, X12ReaderOptions? options = null)
    {
        reader = X12Reader.Open(new MemoryStream(bytes), options);
        return reader.ReadAll().ToList();
    }
}
