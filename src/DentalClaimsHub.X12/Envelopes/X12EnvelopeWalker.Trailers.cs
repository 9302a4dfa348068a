using System.Globalization;
using DentalClaimsHub.X12.Acknowledgements;

namespace DentalClaimsHub.X12.Envelopes;

/// <summary>SE, GE and IEA: counts and control numbers against their headers.</summary>
internal sealed partial class X12EnvelopeWalker
{
    private void OnSe(X12Segment se)
    {
        if (_st is not { } st)
        {
            Report(_isa?.Issues, X12EnvelopeCodes.Interchange(Ta1NoteCode.InvalidContent), "SE appears without an open ST.", se, null);
            return;
        }

        st.SegmentCount++;
        st.EndOrdinal = se.Ordinal;
        var count = st.SegmentCount.ToString(CultureInfo.InvariantCulture);
        if (se[1] != count)
        {
            Report(st.Issues, X12EnvelopeCodes.Transaction("4"),
                $"SE01 says {Shown(se[1])} segments but transaction set {st.ControlNumber} has {count} (ST through SE).", se, 1);
        }

        if (se[2] != st.ControlNumber)
        {
            Report(st.Issues, X12EnvelopeCodes.Transaction("3"),
                $"SE02 {Shown(se[2])} does not match ST02 '{st.ControlNumber}'.", se, 2);
        }

        _st = null;
    }

    private void OnGe(X12Segment ge)
    {
        if (_gs is not { } gs)
        {
            Report(_isa?.Issues, X12EnvelopeCodes.Interchange(Ta1NoteCode.InvalidContent), "GE appears without an open GS.", ge, null);
            return;
        }

        CloseTransaction(ge, "the GE comes");
        gs.EndOrdinal = ge.Ordinal;
        var count = gs.TransactionSets.Count.ToString(CultureInfo.InvariantCulture);
        if (ge[1] != count)
        {
            Report(gs.Issues, X12EnvelopeCodes.Group("5"),
                $"GE01 says {Shown(ge[1])} transaction sets but group {gs.ControlNumber} has {count}.", ge, 1);
        }

        if (ge[2] != gs.ControlNumber)
        {
            Report(gs.Issues, X12EnvelopeCodes.Group("4"), $"GE02 {Shown(ge[2])} does not match GS06 '{gs.ControlNumber}'.", ge, 2);
        }

        _gs = null;
    }

    private void OnIea(X12Segment iea)
    {
        if (_isa is not { } isa)
        {
            Report(null, X12EnvelopeCodes.Structure, "IEA appears without an open ISA.", iea, null);
            return;
        }

        CloseGroup(iea, "the IEA comes");
        isa.EndOrdinal = iea.Ordinal;
        var count = isa.Groups.Count.ToString(CultureInfo.InvariantCulture);
        if (iea[1] != count)
        {
            Report(isa.Issues, X12EnvelopeCodes.Interchange(Ta1NoteCode.InvalidNumberOfGroups),
                $"IEA01 says {Shown(iea[1])} functional groups but interchange {isa.ControlNumber} has {count}.", iea, 1);
        }

        if (iea[2] != isa.ControlNumber)
        {
            Report(isa.Issues, X12EnvelopeCodes.Interchange(Ta1NoteCode.ControlNumberMismatch),
                $"IEA02 {Shown(iea[2])} does not match ISA13 '{isa.ControlNumber}'.", iea, 2);
        }

        _isa = null;
    }
}
