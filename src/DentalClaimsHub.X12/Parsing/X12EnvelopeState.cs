using DentalClaimsHub.X12.Reading;
using DentalClaimsHub.X12.Schemas;

namespace DentalClaimsHub.X12.Parsing;

/// <summary>Tracks the open interchange, group and transaction while segments stream in.</summary>
internal sealed class X12EnvelopeState(
    X12SchemaRegistry registry, List<X12Issue> issues, List<X12Interchange> interchanges, X12SegmentStore store)
{
    private X12Interchange? _interchange;
    private X12FunctionalGroup? _group;
    private X12Transaction? _transaction;
    private X12LoopBuilder? _builder;
    private readonly X12LoopEntries _entries = new(store);

    /// <summary>Takes the segment at <paramref name="row"/> of the store, whose identifier is <paramref name="id"/>.</summary>
    public void Add(int row, string id)
    {
        // Only envelope segments (and what cannot be placed) become objects here; the rest stay rows of the store.
        switch (id)
        {
            case "ISA":
                CloseTransaction(null);
                _group = null;
                _interchange = new X12Interchange(store.Get(row));
                interchanges.Add(_interchange);
                break;
            case "IEA":
                CloseTransaction(null);
                _group = null;
                if (_interchange is not null) _interchange.Trailer = store.Get(row);
                else Orphan(store.Get(row), "IEA without an ISA");
                _interchange = null;
                break;
            case "TA1" when _interchange is not null && _group is null:
                _interchange.AddAcknowledgment(store.Get(row));
                break;
            case "GS":
                CloseTransaction(null);
                _group = new X12FunctionalGroup(store.Get(row));
                if (_interchange is null) Orphan(store.Get(row), "GS outside an interchange");
                _interchange?.Add(_group);
                break;
            case "GE":
                CloseTransaction(null);
                if (_group is not null) _group.Trailer = store.Get(row);
                else Orphan(store.Get(row), "GE without a GS");
                _group = null;
                break;
            case "ST":
                CloseTransaction(null);
                OpenTransaction(row);
                break;
            default:
                if (_builder is null)
                {
                    Orphan(store.Get(row), $"segment {id} outside a transaction set");
                    break;
                }

                _builder.Add(row, id);
                if (id == "SE") CloseTransaction(store.Get(row));
                break;
        }
    }

    public void Finish() => CloseTransaction(null);

    private void OpenTransaction(int row)
    {
        var st = store.Get(row);
        var schema = registry.Find(_group?.Version, st[1], st[3]);
        if (schema is null)
        {
            issues.Add(new X12Issue(X12IssueSeverity.Error, X12IssueCodes.Transaction("1"),
                $"Transaction set {st[1]} with guide '{(st[3].Length > 0 ? st[3] : _group?.Version)}' is not supported.",
                st.Ordinal, st.Id, null, null, null, st.ByteOffset));
        }

        if (_group is null) Orphan(st, "ST outside a functional group");
        _builder = new X12LoopBuilder(_entries, row, schema, registry, issues);
        _transaction = new X12Transaction(st, schema, _builder.Root);
        (_group ?? OrphanGroup(st)).Add(_transaction);
    }

    private void CloseTransaction(X12Segment? se)
    {
        if (_transaction is not null)
        {
            if (se is not null) _transaction.Trailer = se;
            else issues.Add(new X12Issue(X12IssueSeverity.Error, X12IssueCodes.Transaction("2"),
                $"Transaction set {_transaction.ControlNumber} has no SE trailer.",
                _transaction.Header.Ordinal, "ST", null, null, null, _transaction.Header.ByteOffset));
        }

        _builder?.Complete();
        _transaction = null;
        _builder = null;
    }

    // A transaction without GS still needs a home so that nothing read is lost.
    private X12FunctionalGroup OrphanGroup(X12Segment st)
    {
        _group = new X12FunctionalGroup(X12Segment.Create("GS"));
        if (_interchange is null)
        {
            _interchange = new X12Interchange(X12Segment.Create("ISA"));
            interchanges.Add(_interchange);
        }

        _interchange.Add(_group);
        return _group;
    }

    private void Orphan(X12Segment segment, string reason) =>
        issues.Add(new X12Issue(X12IssueSeverity.Error, X12IssueCodes.Segment("2"), $"Segment {segment.Ordinal}: {reason}.",
            segment.Ordinal, segment.Id, null, null, null, segment.ByteOffset));
}
