using System.Globalization;
using DentalClaimsHub.X12.Acknowledgements;

namespace DentalClaimsHub.X12.Envelopes;

internal sealed partial class X12EnvelopeWalker
{
    private void OnIsa(X12Segment isa)
    {
        if (_isa is { } open)
        {
            CloseGroup(isa, "a new ISA starts");
            Report(open.Issues, X12EnvelopeCodes.Interchange(Ta1NoteCode.PrematureEndOfFile),
                $"Interchange {open.ControlNumber} has no IEA trailer before the next ISA.", isa, null);
        }

        _isa = _last = new X12InterchangeInfo(isa);
        _interchanges.Add(_isa);
        _groupNumbers.Clear();
        _outsideReported = false;
        CheckIsa(isa, _isa.Issues);
        if (!_interchangeNumbers.Add(isa[13]))
        {
            Report(_isa.Issues, X12EnvelopeCodes.Interchange(Ta1NoteCode.DuplicateControlNumber),
                $"Interchange control number {isa[13]} (ISA13) is used by an earlier interchange in this input.", isa, 13);
        }
    }

    private void OnGs(X12Segment gs)
    {
        if (_isa is null)
        {
            Report(null, X12EnvelopeCodes.Structure, "GS appears outside an interchange (no open ISA).", gs, null);
        }

        CloseGroup(gs, "a new GS starts");
        _gs = new X12FunctionalGroupInfo(gs);
        _isa?.Groups.Add(_gs);
        _transactionNumbers.Clear();
        _outsideReported = false;
        CheckGs(gs, _gs.Issues);
        if (X12FieldRules.IsDigits(gs[6], 1, 9) && !_groupNumbers.Add(gs[6]))
        {
            Report(_gs.Issues, X12EnvelopeCodes.Group("19"),
                $"Group control number {gs[6]} (GS06) is not unique within the interchange.", gs, 6);
        }
    }

    private void OnSt(X12Segment st)
    {
        if (_gs is null)
        {
            Report(_isa?.Issues, X12EnvelopeCodes.Interchange(Ta1NoteCode.InvalidContent),
                "ST appears outside a functional group (no open GS).", st, null);
        }

        CloseTransaction(st, "a new ST starts");
        _st = new X12TransactionSetInfo(st) { SegmentCount = 1 };
        _gs?.TransactionSets.Add(_st);
        _outsideReported = false;
        CheckSt(st, _st.Issues);
        if (st[2].Length > 0 && !_transactionNumbers.Add(st[2]))
        {
            Report(_st.Issues, X12EnvelopeCodes.Transaction("23"),
                $"Transaction set control number {st[2]} (ST02) is not unique within the functional group.", st, 2);
        }
    }

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

    private void CloseTransaction(X12Segment? at, string why)
    {
        if (_st is { } st)
        {
            Report(st.Issues, X12EnvelopeCodes.Transaction("2"),
                $"Transaction set {st.ControlNumber} has no SE trailer: {why} while it is open.", at ?? st.Header, null);
            _st = null;
        }
    }

    private void CloseGroup(X12Segment? at, string why)
    {
        CloseTransaction(at, why);
        if (_gs is { } gs)
        {
            Report(gs.Issues, X12EnvelopeCodes.Group("3"),
                $"Functional group {gs.ControlNumber} has no GE trailer: {why} while it is open.", at ?? gs.Header, null);
            _gs = null;
        }
    }

    private static string Shown(string value) => value.Length == 0 ? "nothing" : $"'{value}'";
}
