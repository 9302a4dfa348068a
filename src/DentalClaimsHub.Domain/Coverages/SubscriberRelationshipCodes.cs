using System.Diagnostics.CodeAnalysis;

namespace DentalClaimsHub.Domain.Coverages;

/// <summary>X12 individual relationship codes (SBR02 / PAT01 / INS02) for <see cref="SubscriberRelationship"/>.</summary>
public static class SubscriberRelationshipCodes
{
    /// <summary>18 self, 01 spouse, 19 child, G8 other relationship.</summary>
    public static string ToX12Code(this SubscriberRelationship relationship) => relationship switch
    {
        SubscriberRelationship.Self => "18",
        SubscriberRelationship.Spouse => "01",
        SubscriberRelationship.Child => "19",
        SubscriberRelationship.Other => "G8",
        _ => throw new DomainException($"Relationship '{relationship}' has no X12 code.", nameof(relationship)),
    };

    /// <summary>Reads an X12 relationship code; throws <see cref="DomainException"/> for an unknown code.</summary>
    public static SubscriberRelationship FromX12Code(string? code) =>
        TryFromX12Code(code, out var relationship)
            ? relationship
            : throw new DomainException($"'{code}' is not a supported X12 relationship code (18, 01, 19, G8).", nameof(code));

    /// <summary>Reads an X12 relationship code without throwing.</summary>
    public static bool TryFromX12Code([NotNullWhen(true)] string? code, out SubscriberRelationship relationship)
    {
        relationship = default;
        switch (code?.Trim().ToUpperInvariant())
        {
            case "18":
                relationship = SubscriberRelationship.Self;
                return true;
            case "01":
                relationship = SubscriberRelationship.Spouse;
                return true;
            case "19":
                relationship = SubscriberRelationship.Child;
                return true;
            case "G8":
                relationship = SubscriberRelationship.Other;
                return true;
            default:
                return false;
        }
    }
}
