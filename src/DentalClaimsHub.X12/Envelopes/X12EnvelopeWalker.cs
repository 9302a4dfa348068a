using DentalClaimsHub.X12.Acknowledgements;
using DentalClaimsHub.X12.Reading;

namespace DentalClaimsHub.X12.Envelopes;

/// <summary>The state machine behind <see cref="X12EnvelopeValidator"/>: one instance per input.</summary>
internal sealed partial class X12EnvelopeWalker
{
    private readonly List<X12InterchangeInfo> _interchanges = [];
    private readonly List<X12Issue> _issues = [];
    private readonly HashSet<string> _interchangeNumbers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _groupNumbers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _transactionNumbers = new(StringComparer.Ordinal);
    private X12InterchangeInfo? _isa;
    private X12FunctionalGroupInfo? _gs;
    private X12TransactionSetInfo? _st;
    private X12InterchangeInfo? _last;
    private bool _outsideReported;
    private bool _unreadable;
    private int _segments;

    public void AcceptReaderIssue(X12Issue issue)
    {
        if (issue.Code == X12ReadCodes.MissingTerminator && (_isa ?? _last) is { } target)
        {
            // 023: the transmission ended early; keep the reader's explanation under the TA1 code.
            issue = issue with { Code = X12EnvelopeCodes.Interchange(Ta1NoteCode.PrematureEndOfFile) };
            target.Issues.Add(issue);
        }
        else if (issue.Code is X12ReadCodes.EmptyInput or X12ReadCodes.NoIsa or X12ReadCodes.TruncatedIsa && _interchanges.Count == 0)
        {
            _unreadable = true;
        }

        _issues.Add(issue);
    }

    public void Accept(X12Segment segment)
    {
        _segments++;
        CheckSyntax(segment);
        switch (segment.Id)
        {
            case "ISA": OnIsa(segment); break;
            case "GS": OnGs(segment); break;
            case "ST": OnSt(segment); break;
            case "SE": OnSe(segment); break;
            case "GE": OnGe(segment); break;
            case "IEA": OnIea(segment); break;
            default: OnBody(segment); break;
        }
    }

    public X12EnvelopeReport Finish()
    {
        if (_isa is not null)
        {
            var isa = _isa;
            CloseGroup(null, "the input ends");
            Report(isa.Issues, X12EnvelopeCodes.Interchange(Ta1NoteCode.PrematureEndOfFile),
                $"The input ends before the IEA trailer of interchange {isa.ControlNumber}.", isa.Header, null);
            _isa = null;
        }
        else if (_st is not null || _gs is not null)
        {
            CloseGroup(null, "the input ends");
        }

        return new X12EnvelopeReport(_interchanges, _issues, _segments, !_unreadable && _interchanges.Count > 0);
    }

    private void OnBody(X12Segment segment)
    {
        if (_st is not null)
        {
            _st.SegmentCount++;
            _outsideReported = false;
            return;
        }

        if (segment.Id == "TA1" && _isa is not null && _gs is null)
        {
            return; // a TA1 travels directly inside an interchange
        }

        if (_outsideReported)
        {
            return;
        }

        _outsideReported = true;
        var where = _isa is null ? "outside any interchange (no open ISA)" : "outside a transaction set (no open ST)";
        Report(_isa?.Issues, _isa is null ? X12EnvelopeCodes.Structure : X12EnvelopeCodes.Interchange(Ta1NoteCode.InvalidContent),
            $"Segment {segment.Id} appears {where}; following misplaced segments are not reported again.", segment, null);
    }

    /// <summary>Records an error in the report and, when given, in the list of the envelope it concerns.</summary>
    private void Report(List<X12Issue>? target, string code, string message, X12Segment segment, int? element,
        X12IssueSeverity severity = X12IssueSeverity.Error)
    {
        var issue = new X12Issue(severity, code, message, segment.Ordinal, segment.Id, null, element, null,
            segment.ByteOffset >= 0 ? segment.ByteOffset : null);
        _issues.Add(issue);
        target?.Add(issue);
    }
}
