namespace Dashboard.Web.Security;

/// <summary>
/// Thrown by a data service when the viewer may not have what they asked for. <see cref="AccessDeniedHandling"/>
/// turns it into 403 Forbidden with a page that says why, and writes a "denied" row to the audit log.
/// </summary>
public sealed class AccessDeniedException : Exception
{
    public AccessDeniedException(string message) : base(message)
    {
    }

    public AccessDeniedException()
    {
    }

    public AccessDeniedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
