namespace DentalClaimsHub.X12.Schemas;

/// <summary>A whole implementation guide for one transaction set, loaded from <c>schemas/x12/&lt;guide&gt;.json</c>.</summary>
public sealed record X12TransactionSchema
{
    /// <summary>ST01, e.g. <c>837</c>; <c>TA1</c> for the interchange acknowledgment.</summary>
    public required string TransactionSet { get; init; }

    /// <summary>Implementation guide (GS08 / ST03), e.g. <c>005010X224A2</c>.</summary>
    public required string Guide { get; init; }

    /// <summary>GS01 functional identifier code, e.g. <c>HC</c>.</summary>
    public required string FunctionalGroup { get; init; }

    /// <summary>Guide title.</summary>
    public required string Name { get; init; }

    /// <summary>The transaction set as a loop with id <c>ST</c>.</summary>
    public required X12LoopSchema Root { get; init; }

    /// <summary>Every segment id the guide uses, with its base layout.</summary>
    public required IReadOnlyDictionary<string, X12SegmentSchema> Segments { get; init; }

    /// <summary>A loop by its identifier, or null.</summary>
    public X12LoopSchema? Loop(string id) => Root.DescendantsAndSelf().FirstOrDefault(l => l.Id == id);

    /// <inheritdoc />
    public override string ToString() => $"{Guide}.{TransactionSet} {Name}";
}
