using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace DentalClaimsHub.Api.AdminConsole.Identity;

/// <summary>
/// ASP.NET Core Identity's refusals a console user can meet (password rules, a taken or invalid user name, a wrong current
/// password) in the user's language; the rest keep Identity's own words.
/// </summary>
public sealed class ConsoleIdentityErrors(IStringLocalizer<ConsoleText> words) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => Say(base.PasswordTooShort(length), "Identity.PasswordTooShort", length);

    public override IdentityError PasswordRequiresNonAlphanumeric() => Say(base.PasswordRequiresNonAlphanumeric(), "Identity.PasswordRequiresNonAlphanumeric");

    public override IdentityError PasswordRequiresDigit() => Say(base.PasswordRequiresDigit(), "Identity.PasswordRequiresDigit");

    public override IdentityError PasswordRequiresLower() => Say(base.PasswordRequiresLower(), "Identity.PasswordRequiresLower");

    public override IdentityError PasswordRequiresUpper() => Say(base.PasswordRequiresUpper(), "Identity.PasswordRequiresUpper");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Say(base.PasswordRequiresUniqueChars(uniqueChars), "Identity.PasswordRequiresUniqueChars", uniqueChars);

    public override IdentityError PasswordMismatch() => Say(base.PasswordMismatch(), "Identity.PasswordMismatch");

    public override IdentityError DuplicateUserName(string userName) => Say(base.DuplicateUserName(userName), "Identity.DuplicateUserName", userName);

    public override IdentityError InvalidUserName(string? userName) => Say(base.InvalidUserName(userName), "Identity.InvalidUserName", userName ?? "");

    // The code stays Identity's; only the description is ours.
    private IdentityError Say(IdentityError error, string key, params object[] args) =>
        new() { Code = error.Code, Description = string.Format(CultureInfo.CurrentCulture, words[key], args) };
}
