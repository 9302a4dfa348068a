namespace DentalClaimsHub.Domain.Eligibility;

/// <summary>The time frame of an amount or quantity (X12 EB06 / HSD05).</summary>
public enum BenefitPeriod
{
    Unknown = 0,

    /// <summary>23 — calendar year.</summary>
    CalendarYear,

    /// <summary>22 — service (plan) year.</summary>
    ServiceYear,

    /// <summary>21 — years.</summary>
    Years,

    /// <summary>24 — year to date.</summary>
    YearToDate,

    /// <summary>25 — contract.</summary>
    Contract,

    /// <summary>26 — episode.</summary>
    Episode,

    /// <summary>27 — visit.</summary>
    Visit,

    /// <summary>29 — remaining.</summary>
    Remaining,

    /// <summary>32 — lifetime.</summary>
    Lifetime,

    /// <summary>33 — lifetime remaining.</summary>
    LifetimeRemaining,

    /// <summary>34 — month.</summary>
    Month,

    /// <summary>35 — week.</summary>
    Week,

    /// <summary>7 — day.</summary>
    Day,
}

/// <summary>What a benefit quantity counts.</summary>
public enum QuantityUnit
{
    Unknown = 0,
    Visits,
    Services,
    Units,
    Days,
    Months,
    Years,
    Teeth,
    Quadrants,
}
