namespace DentalClaimsHub.Storage.DmsActs;

/// <summary>A row of an act the reader could not take, and why (row, column and reason only, never the person).</summary>
public sealed record DmsActRowProblem(int Row, string Column, string Reason);

/// <summary>
/// A ДМС insurer's reconciliation act (акт сверки / акт экспертизы) as imported for one clinic: which file it was (SHA-256, the
/// insurer's act number), the remittance it was posted as, its totals and its service lines with their match and work status.
/// The same file again, or another file with the same act number, is never applied twice.
/// </summary>
public sealed class DmsAct
{
    private readonly List<DmsActLine> _lines = [];

    private DmsAct()
    {
    }

    public Guid Id { get; private set; }

    public Guid PracticeId { get; private set; }

    /// <summary>The insurer's payer profile id.</summary>
    public string PayerId { get; private set; } = "";

    /// <summary>The insurer's act number, when the layout finds one.</summary>
    public string? Number { get; private set; }

    public string Sha256 { get; private set; } = "";

    public string FileName { get; private set; } = "";

    /// <summary>The raw file in the message store.</summary>
    public Guid? MessageId { get; private set; }

    /// <summary>The canonical remittance the matched lines were posted as.</summary>
    public Guid? RemittanceId { get; private set; }

    public decimal Billed { get; private set; }

    public decimal Accepted { get; private set; }

    public decimal Refused { get; private set; }

    public List<DmsActRowProblem> Problems { get; private set; } = [];

    public DateTimeOffset ImportedAt { get; private set; }

    public IReadOnlyList<DmsActLine> Lines => _lines;

    public static DmsAct Create(Guid practiceId, string payerId, string? number, string sha256, string fileName, Guid? messageId,
        IEnumerable<DmsActLine> lines, IEnumerable<DmsActRowProblem> problems, DateTimeOffset now)
    {
        var act = new DmsAct
        {
            Id = Guid.CreateVersion7(now),
            PracticeId = practiceId,
            PayerId = payerId,
            Number = number,
            Sha256 = sha256,
            FileName = fileName.Length > 255 ? fileName[..255] : fileName,
            MessageId = messageId,
            Problems = [.. problems],
            ImportedAt = now.ToUniversalTime(),
        };
        foreach (var line in lines)
        {
            line.AttachTo(act);
            act._lines.Add(line);
        }

        act.Billed = act._lines.Sum(l => l.Billed);
        act.Accepted = act._lines.Sum(l => l.Accepted);
        act.Refused = act._lines.Sum(l => l.Refused);
        return act;
    }

    public void PostedAs(Guid remittanceId) => RemittanceId = remittanceId;
}
