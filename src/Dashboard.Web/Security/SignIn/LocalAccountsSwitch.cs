namespace Dashboard.Web.Security.SignIn;

/// <summary>
/// With local accounts switched off (Dashboard:SignIn:LocalAccounts:Enabled=false) there is no password here to
/// check or change: posting the sign-in form and the password page answer 404, as if they had never existed.
/// </summary>
public static class LocalAccountsSwitch
{
    public static IApplicationBuilder UseLocalAccountsSwitch(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var settings = app.ApplicationServices.GetRequiredService<SignInSettings>();
        if (settings.LocalAccountsEnabled) return app;
        return app.Use((context, next) =>
        {
            var path = context.Request.Path;
            var passwordForm = (path.Equals("/signin", StringComparison.OrdinalIgnoreCase) && HttpMethods.IsPost(context.Request.Method))
                || path.StartsWithSegments(PasswordChangeRequirement.PagePath, StringComparison.OrdinalIgnoreCase);
            if (passwordForm)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
            return next(context);
        });
    }
}
