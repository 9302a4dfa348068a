namespace DentalClaimsHub.Domain.Eligibility;

/// <summary>The class of dental service a benefit applies to. Values with an X12 service type carry it in the comment.</summary>
public enum BenefitCategory
{
    /// <summary>35 — dental care in general; the plan-level answer to EQ*35.</summary>
    DentalCare = 0,

    /// <summary>23 — diagnostic dental (exams, X-rays).</summary>
    Diagnostic,

    /// <summary>41 — routine preventive dental (cleanings, fluoride, sealants).</summary>
    Preventive,

    /// <summary>25 — restorative ("basic" in most plans: fillings).</summary>
    Restorative,

    /// <summary>No X12 service type — plans' "major" class (crowns, bridges, dentures), sent as text or per-payer code.</summary>
    Major,

    /// <summary>36 — dental crowns.</summary>
    Crowns,

    /// <summary>26 — endodontics.</summary>
    Endodontics,

    /// <summary>24 — periodontics.</summary>
    Periodontics,

    /// <summary>39 — prosthodontics.</summary>
    Prosthodontics,

    /// <summary>38 — orthodontics.</summary>
    Orthodontics,

    /// <summary>40 — oral surgery.</summary>
    OralSurgery,

    /// <summary>28 — adjunctive dental services.</summary>
    Adjunctive,

    /// <summary>27 — maxillofacial prosthetics.</summary>
    MaxillofacialProsthetics,

    /// <summary>37 — dental accident.</summary>
    Accident,
}
