using Dashboard.Data.App;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Web.Security;

/// <summary>Why a password change was refused, by the code the page shows a sentence for.</summary>
public enum PasswordChangeOutcome
{
    Changed,
    /// <summary>The current password was wrong (it counts towards the lockout, as a failed sign-in does).</summary>
    WrongCurrent,
    Locked,
    Mismatch,
    TooShort,
    SameAsCurrent,
    /// <summary>No local account (signed in by the council's proxy): the password is kept elsewhere.</summary>
    NotLocal,
}

/// <summary>
/// A person changing their own local password: the current one must be right (a wrong one counts towards the lockout,
/// so a left-open session cannot be used to guess it), the new one must meet <see cref="PasswordRules"/>, differ from
/// the current one and be typed twice the same. A change clears "must change", which the CLI sets on new and reset
/// accounts so the administrator's one-time password does not last.
/// </summary>
public sealed class PasswordChange(UserStore users, TimeProvider clock, WebSecuritySettings settings)
{
    public async Task<PasswordChangeOutcome> ChangeAsync(string userName, string current, string replacement, string confirmation,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userName);
        var user = await users.FindAsync(userName, cancellationToken);
        if (user is null || user.IsDisabled) return PasswordChangeOutcome.NotLocal;
        var now = clock.GetUtcNow();
        if (user.IsLockedAt(now)) return PasswordChangeOutcome.Locked;
        if (PasswordRules.Verify(user.PasswordHash, current ?? "") == PasswordVerificationResult.Failed)
        {
            var state = await users.RecordFailedSignInAsync(user.UserName, now, settings.MaxFailedSignIns, settings.LockoutDuration, cancellationToken);
            return state.Locked ? PasswordChangeOutcome.Locked : PasswordChangeOutcome.WrongCurrent;
        }
        if (!string.Equals(replacement, confirmation, StringComparison.Ordinal)) return PasswordChangeOutcome.Mismatch;
        if (PasswordRules.Problem(replacement ?? "") is not null) return PasswordChangeOutcome.TooShort;
        if (string.Equals(replacement, current, StringComparison.Ordinal)) return PasswordChangeOutcome.SameAsCurrent;
        await users.SetPasswordAsync(user.UserName, PasswordRules.Hash(replacement!), mustChange: false, cancellationToken);
        return PasswordChangeOutcome.Changed;
    }

    /// <summary>The code in the page's query string ("wrong-current"), and back.</summary>
    public static string Code(PasswordChangeOutcome outcome) => outcome switch
    {
        PasswordChangeOutcome.WrongCurrent => "wrong-current",
        PasswordChangeOutcome.Locked => "locked",
        PasswordChangeOutcome.Mismatch => "mismatch",
        PasswordChangeOutcome.TooShort => "too-short",
        PasswordChangeOutcome.SameAsCurrent => "same",
        PasswordChangeOutcome.NotLocal => "not-local",
        _ => "",
    };
}
