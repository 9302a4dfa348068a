using DentalClaimsHub.Storage;
using DentalClaimsHub.Storage.AdminConsole;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DentalClaimsHub.Api.AdminConsole.Identity;

/// <summary>A console user as the users page lists it.</summary>
public sealed record ConsoleUserRow(Guid Id, string UserName, string DisplayName, string Role, bool LockedOut, int FailedAttempts, DateTimeOffset CreatedAt);

/// <summary>The outcome of a user change: an error to show, or a one-time password to hand over.</summary>
public sealed record ConsoleUserResult(string? Error, string? OneTimePassword = null)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Administrators manage console users: create one with a role and a generated first password (shown once), change the
/// role, unlock, reset the password, disable. Every change is audited; an administrator cannot demote or disable
/// themselves (the hub would risk having no administrator left).
/// </summary>
public sealed class ConsoleUsers(
    UserManager<ConsoleUser> users, IDbContextFactory<HubDbContext> contexts, ConsoleSession session, TimeProvider time, IStringLocalizer<ConsoleText> words)
{
    public async Task<IReadOnlyList<ConsoleUserRow>> ListAsync(CancellationToken ct)
    {
        await using var db = contexts.CreateHubWideContext();
        var now = time.GetUtcNow();
        var rows = await (
            from u in db.Users.AsNoTracking()
            join ur in db.UserRoles.AsNoTracking() on u.Id equals ur.UserId into userRoles
            from ur in userRoles.DefaultIfEmpty()
            join r in db.Roles.AsNoTracking() on ur.RoleId equals r.Id into roles
            from r in roles.DefaultIfEmpty()
            orderby u.DisplayName
            select new { u.Id, u.UserName, u.DisplayName, Role = r == null ? "" : r.Name, u.LockoutEnd, u.AccessFailedCount, u.CreatedAt }).ToListAsync(ct);
        return rows.GroupBy(r => r.Id).Select(g => g.First() with { Role = string.Join(", ", g.Select(r => r.Role).Where(r => r != null && r.Length > 0).Order()) })
            .Select(r => new ConsoleUserRow(r.Id, r.UserName ?? "", r.DisplayName, r.Role ?? "", r.LockoutEnd > now, r.AccessFailedCount, r.CreatedAt))
            .ToList();
    }

    public async Task<ConsoleUserResult> CreateAsync(string userName, string displayName, string role, CancellationToken ct)
    {
        if (await RefuseAsync() is { } refused)
        {
            return refused;
        }

        if (!ConsoleRoles.All.Contains(role))
        {
            return new(string.Format(System.Globalization.CultureInfo.CurrentCulture, words["Users.Problem.UnknownRole"], role));
        }

        if (string.IsNullOrWhiteSpace(displayName))
        {
            return new(words["Users.Problem.DisplayName"]);
        }

        var password = ConsoleBootstrap.NewPassword();
        var user = new ConsoleUser { UserName = userName?.Trim(), DisplayName = displayName.Trim(), CreatedAt = time.GetUtcNow() };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new(Describe(created));
        }

        await users.AddToRoleAsync(user, role);
        await AuditAsync("console-user.created", user.Id, new { role }, ct);
        return new(null, password);
    }

    public Task<ConsoleUserResult> SetRoleAsync(Guid userId, string role, CancellationToken ct) => ChangeAsync(userId, async user =>
    {
        if (!ConsoleRoles.All.Contains(role))
        {
            return new(string.Format(System.Globalization.CultureInfo.CurrentCulture, words["Users.Problem.UnknownRole"], role));
        }

        if (user.Id == await session.UserIdAsync() && role != ConsoleRoles.Admin)
        {
            return new(words["Users.Problem.OwnAdminRole"]);
        }

        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current);
        await users.AddToRoleAsync(user, role);
        await AuditAsync("console-user.role-changed", user.Id, new { role }, ct);
        return new(null);
    });

    public Task<ConsoleUserResult> UnlockAsync(Guid userId, CancellationToken ct) => ChangeAsync(userId, async user =>
    {
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await AuditAsync("console-user.unlocked", user.Id, null, ct);
        return new(null);
    });

    public Task<ConsoleUserResult> ResetPasswordAsync(Guid userId, CancellationToken ct) => ChangeAsync(userId, async user =>
    {
        var password = ConsoleBootstrap.NewPassword();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded)
        {
            return new(Describe(reset));
        }

        await users.UpdateSecurityStampAsync(user); // signs the user out everywhere
        await AuditAsync("console-user.password-reset", user.Id, null, ct);
        return new(null, password);
    });

    public Task<ConsoleUserResult> DisableAsync(Guid userId, CancellationToken ct) => ChangeAsync(userId, async user =>
    {
        if (user.Id == await session.UserIdAsync())
        {
            return new(words["Users.Problem.DisableSelf"]);
        }

        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync("console-user.disabled", user.Id, null, ct);
        return new(null);
    });

    /// <summary>Any signed-in user changes their own password (the current one is required).</summary>
    public async Task<ConsoleUserResult> ChangeOwnPasswordAsync(string current, string next, CancellationToken ct)
    {
        var id = await session.UserIdAsync();
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return new(words["Users.Problem.NoUser"]);
        }

        var changed = await users.ChangePasswordAsync(user, current, next);
        if (!changed.Succeeded)
        {
            return new(Describe(changed));
        }

        await AuditAsync("console-user.password-changed", user.Id, null, ct);
        return new(null);
    }

    private async Task<ConsoleUserResult> ChangeAsync(Guid userId, Func<ConsoleUser, Task<ConsoleUserResult>> change)
    {
        if (await RefuseAsync() is { } refused)
        {
            return refused;
        }

        var user = await users.FindByIdAsync(userId.ToString());
        return user is null ? new(words["Users.Problem.NoUser"]) : await change(user);
    }

    private async Task<ConsoleUserResult?> RefuseAsync() =>
        (await session.UserAsync()).IsInRole(ConsoleRoles.Admin) ? null : new ConsoleUserResult(words["Users.Problem.NotAllowed"]);

    private async Task AuditAsync(string action, Guid subject, object? details, CancellationToken ct)
    {
        await using var db = contexts.CreateHubWideContext();
        ConsoleAudit.RecordAction(db, await session.UserIdAsync(), time.GetUtcNow(), action, "console-user", subject, null, details);
        await db.SaveChangesAsync(ct);
    }

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
