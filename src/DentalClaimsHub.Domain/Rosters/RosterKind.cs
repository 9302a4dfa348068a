namespace DentalClaimsHub.Domain.Rosters;

/// <summary>What a ДМС roster file announces.</summary>
public enum RosterKind
{
    /// <summary>Прикрепление — these people may be served from the given date.</summary>
    Attach = 1,

    /// <summary>Открепление / снятие с обслуживания — these people may no longer be served after the given date.</summary>
    Detach = 2,

    /// <summary>A complete list of everyone currently attached.</summary>
    Full = 3,

    /// <summary>Changes to already attached people (programme, policy, name).</summary>
    Change = 4,

    /// <summary>Прикрепление and открепление in one file: a column or a section heading says which for each row.</summary>
    Mixed = 5,
}
