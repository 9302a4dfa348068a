namespace DentalClaimsHub.Domain.Eligibility;

/// <summary>What a benefit line states (X12 EB01, plus the HSD frequency and waiting periods payers send as limitations).</summary>
public enum BenefitKind
{
    /// <summary>1 — active coverage.</summary>
    ActiveCoverage = 1,

    /// <summary>6 — inactive coverage.</summary>
    InactiveCoverage,

    /// <summary>C — deductible.</summary>
    Deductible,

    /// <summary>F with an amount — annual or lifetime maximum.</summary>
    Maximum,

    /// <summary>A — co-insurance (a percent).</summary>
    CoInsurance,

    /// <summary>B — co-payment (an amount).</summary>
    CoPay,

    /// <summary>F — other limitation.</summary>
    Limitation,

    /// <summary>HSD — how often a service is covered ("1 per 6 months").</summary>
    Frequency,

    /// <summary>Time that must pass before a category is covered.</summary>
    WaitingPeriod,

    /// <summary>E — exclusion.</summary>
    Exclusion,

    /// <summary>I — non-covered.</summary>
    NonCovered,

    /// <summary>G — out-of-pocket (stop loss).</summary>
    OutOfPocket,
}

/// <summary>Provider network a benefit applies to (X12 EB12: Y in, N out, W both, U unknown).</summary>
public enum BenefitNetwork
{
    Unknown = 0,
    InNetwork,
    OutOfNetwork,
    Both,
}

/// <summary>Whom a benefit covers (X12 EB02).</summary>
public enum CoverageLevel
{
    Unknown = 0,

    /// <summary>IND.</summary>
    Individual,

    /// <summary>FAM.</summary>
    Family,

    /// <summary>EMP.</summary>
    EmployeeOnly,

    /// <summary>ESP.</summary>
    EmployeeAndSpouse,

    /// <summary>ECH.</summary>
    EmployeeAndChildren,

    /// <summary>SPC.</summary>
    SpouseAndChildren,

    /// <summary>SPO.</summary>
    SpouseOnly,

    /// <summary>CHD.</summary>
    ChildrenOnly,

    /// <summary>DEP.</summary>
    DependentsOnly,
}

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

/// <summary>Overall answer of an eligibility check.</summary>
public enum CoverageStatus
{
    Unknown = 0,
    Active,
    Inactive,

    /// <summary>The payer could not find the member or rejected the request (AAA).</summary>
    NotFound,
}
