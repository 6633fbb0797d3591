using Dashboard.Data;
using Dashboard.Data.App;
using Dashboard.Data.Migrations;
using Dashboard.Etl;
using Dashboard.Reports.Pdf;
using Dashboard.Web.Security;

namespace Dashboard.Cli.Hosting;

/// <summary>
/// Turns any failure into one clear sentence on standard error and a non-zero exit code. Nobody
/// reading a terminal at 2 a.m. should meet a stack trace: unexpected failures write their details to a
/// log file and name it instead.
/// </summary>
public static class ErrorReporter
{
    public const int UsageError = 2;
    public const int Failure = 1;

    public static int Report(Exception exception, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(error);
        switch (exception)
        {
            case SettingsException or ArgumentException or InvalidWebSettingException or UnknownUserException or DuplicateUserException
                or Dashboard.Returns.ReturnFileException:
                error.WriteLine(exception.Message);
                return UsageError;
            case OperationCanceledException:
                error.WriteLine("Cancelled.");
                return Failure;
            case EtlException or MigrationException or WarehouseUnavailableException or PackException:
                error.WriteLine(exception.Message);
                return Failure;
            case UnauthorizedAccessException or IOException or System.Data.Common.DbException:
                error.WriteLine(OneLine(exception.Message));
                return Failure;
            default:
                var log = WriteLog(exception);
                error.WriteLine(log is null
                    ? $"Unexpected error: {OneLine(exception.Message)}"
                    : $"Unexpected error: {OneLine(exception.Message)} (details in {log})");
                return Failure;
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();

    private static string? WriteLog(Exception exception)
    {
        try
        {
            var path = Path.Combine(Path.GetTempPath(), $"dashboard-error-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}.log");
            File.WriteAllText(path, exception.ToString());
            return path;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
