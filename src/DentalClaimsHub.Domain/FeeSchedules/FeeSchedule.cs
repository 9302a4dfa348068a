using DentalClaimsHub.Domain.Values;

namespace DentalClaimsHub.Domain.FeeSchedules;

/// <summary>
/// A practice's fees per procedure code for a period: its own usual fees (no payer) or, for one payer, the allowed
/// amounts of that payer's network contract — the amounts an in-network practice is paid on and writes the rest off.
/// </summary>
public sealed class FeeSchedule
{
    private List<FeeScheduleEntry> _entries = [];

    private FeeSchedule()
    {
        Name = string.Empty;
        Currency = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid PracticeId { get; private set; }

    public string Name { get; private set; }

    /// <summary>Null for the practice's own fees; a payer id for that payer's allowed amounts.</summary>
    public string? PayerId { get; private set; }

    public string Currency { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    /// <summary>Last day the fees apply (inclusive); open-ended when null.</summary>
    public DateOnly? EffectiveTo { get; private set; }

    public IReadOnlyList<FeeScheduleEntry> Entries => _entries;

    public DateTimeOffset UpdatedAt { get; private set; }

    public static FeeSchedule Create(Guid practiceId, string name, string currency, string? payerId, DateOnly effectiveFrom,
        DateOnly? effectiveTo, IEnumerable<FeeScheduleEntry> entries, DateTimeOffset now, Guid? id = null)
    {
        var schedule = new FeeSchedule
        {
            Id = id ?? Guid.NewGuid(),
            PracticeId = Guard.NotEmpty(practiceId, nameof(PracticeId)),
            Currency = Money.Zero(currency).Currency,
            PayerId = Guard.Optional(payerId, nameof(PayerId), 80),
        };
        schedule.Update(name, effectiveFrom, effectiveTo, entries, now);
        return schedule;
    }

    /// <summary>Replaces the name, period and every fee (a PUT of the whole schedule).</summary>
    public void Update(string name, DateOnly effectiveFrom, DateOnly? effectiveTo, IEnumerable<FeeScheduleEntry> entries, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (effectiveTo < effectiveFrom)
        {
            throw new DomainException($"The schedule ends ({effectiveTo:yyyy-MM-dd}) before it starts ({effectiveFrom:yyyy-MM-dd}).", nameof(EffectiveTo));
        }

        var list = entries.ToList();
        if (list.GroupBy(e => e.Procedure).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new DomainException($"Procedure {duplicate.Key} is listed twice.", nameof(Entries));
        }

        if (list.FirstOrDefault(e => e.Fee.Currency != Currency) is { } foreign)
        {
            throw new DomainException($"The fee for {foreign.Procedure} is in {foreign.Fee.Currency}, the schedule in {Currency}.", nameof(Entries));
        }

        Name = Guard.Required(name, nameof(Name), 120);
        EffectiveFrom = effectiveFrom;
        EffectiveTo = effectiveTo;
        _entries = list;
        UpdatedAt = Guard.Utc(now);
    }

    public bool IsEffectiveOn(DateOnly date) => date >= EffectiveFrom && (EffectiveTo is null || date <= EffectiveTo);

    /// <summary>The fee for <paramref name="procedure"/>, or null when the schedule does not list it.</summary>
    public Money? FeeFor(ProcedureCode procedure) => _entries.FirstOrDefault(e => e.Procedure == procedure)?.Fee;
}
