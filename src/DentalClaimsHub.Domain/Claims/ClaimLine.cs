using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.Claims;

/// <summary>
/// One service line of a dental claim (X12 loop 2400 SV3/TOO, a row of a ДМС registry). Immutable once created:
/// the claim replaces a line instead of editing it.
/// </summary>
public sealed class ClaimLine
{
    /// <summary>Longest line control number X12 REF*6R carries.</summary>
    public const int MaxLineControlNumberLength = 50;

    private readonly List<int> _diagnosisPointers = [];
    private readonly List<ToothNumber> _additionalTeeth = [];

    private ClaimLine()
    {
        LineControlNumber = string.Empty;
        Surfaces = SurfaceSet.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ClaimId { get; private set; }

    /// <summary>1-based position on the claim (X12 LX01).</summary>
    public int LineNumber { get; internal set; }

    public string LineControlNumber { get; private set; }

    public ProcedureCode Procedure { get; private set; }

    public string? Description { get; private set; }

    public ToothNumber? Tooth { get; private set; }

    /// <summary>Further teeth of a single procedure (several TOO segments when the count is 1).</summary>
    public IReadOnlyList<ToothNumber> AdditionalTeeth => _additionalTeeth;

    public SurfaceSet Surfaces { get; private set; }

    public OralCavityArea? Area { get; private set; }

    public ProsthesisPlacement? Prosthesis { get; private set; }

    public DateOnly? PriorPlacementDate { get; private set; }

    public Money Fee { get; private set; }

    public int Units { get; private set; }

    public DateOnly? ServiceDate { get; private set; }

    /// <summary>One-based pointers into <see cref="Claim.Diagnoses"/>.</summary>
    public IReadOnlyList<int> DiagnosisPointers => _diagnosisPointers;

    public string? PriorAuthorizationNumber { get; private set; }

    internal static ClaimLine Create(Guid claimId, int lineNumber, ClaimLineDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        ClaimLineChecks.Amounts(details, lineNumber);
        ClaimLineChecks.Pointers(details.DiagnosisPointers, lineNumber);
        ClaimLineChecks.Prosthesis(details, lineNumber);
        ClaimLineChecks.Teeth(details, lineNumber);
        var line = new ClaimLine
        {
            Id = Guid.NewGuid(),
            ClaimId = claimId,
            LineNumber = lineNumber,
            Procedure = details.Procedure,
            Description = Guard.Optional(details.Description, nameof(Description), 500),
            Tooth = details.Tooth,
            Surfaces = details.Surfaces,
            Area = details.Area,
            Prosthesis = details.Prosthesis,
            PriorPlacementDate = details.PriorPlacementDate,
            Fee = details.Fee,
            Units = details.Units,
            ServiceDate = details.ServiceDate,
            PriorAuthorizationNumber = Guard.Optional(details.PriorAuthorizationNumber, nameof(PriorAuthorizationNumber), 50),
        };
        line.LineControlNumber = Guard.Optional(details.LineControlNumber, nameof(LineControlNumber), MaxLineControlNumberLength)
            ?? line.Id.ToString("N")[..16].ToUpperInvariant();
        line._diagnosisPointers.AddRange(details.DiagnosisPointers);
        line._additionalTeeth.AddRange(details.AdditionalTeeth);
        return line;
    }

    /// <summary>The details this line was created from, e.g. to copy it onto a replacement claim.</summary>
    public ClaimLineDetails ToDetails() => new()
    {
        Procedure = Procedure,
        Fee = Fee,
        Units = Units,
        ServiceDate = ServiceDate,
        Tooth = Tooth,
        AdditionalTeeth = [.. _additionalTeeth],
        Surfaces = Surfaces,
        Area = Area,
        Prosthesis = Prosthesis,
        PriorPlacementDate = PriorPlacementDate,
        DiagnosisPointers = [.. _diagnosisPointers],
        PriorAuthorizationNumber = PriorAuthorizationNumber,
        LineControlNumber = LineControlNumber,
        Description = Description,
    };
}
