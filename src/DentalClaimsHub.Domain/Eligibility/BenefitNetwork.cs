namespace DentalClaimsHub.Domain.Eligibility;

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
