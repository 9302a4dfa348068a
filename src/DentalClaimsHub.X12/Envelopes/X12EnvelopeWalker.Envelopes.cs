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
