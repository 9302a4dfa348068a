using Microsoft.AspNetCore.Identity;

namespace DentalClaimsHub.Storage.AdminConsole;

/// <summary>
/// A person who signs in to the admin console (a billing specialist, an administrator or an auditor). Hub staff, not
/// patients: the user name and display name are not PHI, but they are still never written to logs — the audit trail
/// names a user by <see cref="IdentityUser{TKey}.Id"/>.
/// </summary>
public sealed class ConsoleUser : IdentityUser<Guid>
{
    /// <summary>How colleagues see this user in assignment lists.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>The console language this user picked last ("en" or "ru").</summary>
    public string Culture { get; set; } = "en";

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A console role; <see cref="ConsoleRoles"/> lists the ones the hub knows.</summary>
public sealed class ConsoleRole : IdentityRole<Guid>
{
    public ConsoleRole()
    {
    }

    public ConsoleRole(string name)
        : base(name)
    {
    }
}

/// <summary>The console's roles.</summary>
public static class ConsoleRoles
{
    /// <summary>Works the queue: reads claims and their messages, fixes and resubmits, notes, appeals, writes off.</summary>
    public const string Billing = "billing";

    /// <summary>Everything billing does, plus users, payers and replays.</summary>
    public const string Admin = "admin";

    /// <summary>Reads everything, changes nothing (and is audited like everyone else).</summary>
    public const string Auditor = "auditor";

    public static readonly IReadOnlyList<string> All = [Billing, Admin, Auditor];
}
