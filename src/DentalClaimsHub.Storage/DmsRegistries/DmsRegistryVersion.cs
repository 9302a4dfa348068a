using DentalClaimsHub.Storage.Protection;

namespace DentalClaimsHub.Storage.DmsRegistries;

/// <summary>A claim line in the period that the registry left out, and why (codes and amounts only, no personal data).</summary>
public sealed record DmsRegistryExclusion(Guid ClaimId, string ClaimNumber, int LineNumber, string Code, string Message);

/// <summary>
/// One version of a clinic's monthly registry of services (счёт-реестр) to one ДМС insurer: the file as rendered (it
/// holds patients' names and policies), its SHA-256, the claims it bills, its totals and the lines it left out. A
/// period's registry keeps its number; each regeneration that changes the file adds version n + 1, one that does not
/// adds nothing.
/// </summary>
public sealed class DmsRegistryVersion
{
    private DmsRegistryVersion()
    {
    }

    public Guid Id { get; private set; }

    public Guid PracticeId { get; private set; }

    /// <summary>The insurer's payer profile id.</summary>
    public string PayerId { get; private set; } = "";

    /// <summary>The calendar month billed, "yyyy-MM".</summary>
    public string Period { get; private set; } = "";

    public string Number { get; private set; } = "";

    public int Version { get; private set; }

    /// <summary>The registry's own date, as written in the file.</summary>
    public DateOnly Date { get; private set; }

    /// <summary>xlsx, csv or xml.</summary>
    public string Format { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public string FileName { get; private set; } = "";

    /// <summary>The file as stored: encrypted when <see cref="ContentProtection"/> says so (read it with <see cref="ReadContent"/>).
    /// </summary>
    public byte[] Content { get; private set; } = [];

    public ContentProtection ContentProtection { get; private set; }

    public string Sha256 { get; private set; } = "";

    /// <summary>The claims with at least one line in the file.</summary>
    public List<Guid> ClaimIds { get; private set; } = [];

    public int LineCount { get; private set; }

    public int Quantity { get; private set; }

    /// <summary>Σ price × quantity before the discount.</summary>
    public decimal Gross { get; private set; }

    public decimal Discount { get; private set; }

    /// <summary>Σ сумма (after the discount).</summary>
    public decimal Amount { get; private set; }

    /// <summary>Σ the patients' franchise shares.</summary>
    public decimal Franchise { get; private set; }

    /// <summary>Σ what the insurer is asked to pay.</summary>
    public decimal InsurerAmount { get; private set; }

    public List<DmsRegistryExclusion> Exclusions { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public static DmsRegistryVersion Create(Guid practiceId, string payerId, string period, string number, int version, DateOnly date,
        string format, string contentType, string fileName, byte[] content, string sha256, IEnumerable<Guid> claimIds,
        DmsRegistryTotals totals, IEnumerable<DmsRegistryExclusion> exclusions, DateTimeOffset now, IStoredFileProtector protector)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(protector);
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        if (now.Offset != TimeSpan.Zero)
        {
            throw new ArgumentException("Instants are stored in UTC.", nameof(now));
        }

        return new DmsRegistryVersion
        {
            Id = Guid.NewGuid(),
            PracticeId = practiceId,
            PayerId = payerId,
            Period = period,
            Number = number,
            Version = version,
            Date = date,
            Format = format,
            ContentType = contentType,
            FileName = fileName,
            Content = protector.Protect(content),
            ContentProtection = ContentProtection.DataProtection,
            Sha256 = sha256,
            ClaimIds = [.. claimIds.Distinct().Order()],
            LineCount = totals.LineCount,
            Quantity = totals.Quantity,
            Gross = totals.Gross,
            Discount = totals.Discount,
            Amount = totals.Amount,
            Franchise = totals.Franchise,
            InsurerAmount = totals.InsurerAmount,
            Exclusions = [.. exclusions],
            CreatedAt = now,
        };
    }

    /// <summary>The plain bytes of the file.</summary>
    public byte[] ReadContent(IStoredFileProtector protector) => Read(Content, ContentProtection, protector);

    /// <summary>The plain bytes of a file projected with its marker.</summary>
    public static byte[] Read(byte[] content, ContentProtection protection, IStoredFileProtector protector) =>
        protection == ContentProtection.None ? content : protector.Unprotect(content);
}

/// <summary>The totals a registry version records beside its file.</summary>
public sealed record DmsRegistryTotals(int LineCount, int Quantity, decimal Gross, decimal Discount, decimal Amount, decimal Franchise,
    decimal InsurerAmount);
