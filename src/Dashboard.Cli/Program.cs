using System.Globalization;
using System.Runtime.InteropServices;
using Dashboard.Cli;
using Dashboard.Cli.Hosting;

// The product is English and British: dates, numbers and sorting read the same on every server,
// whatever locale the machine was installed with. (Globalisation stays on: SqlClient requires it.)
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
ServiceHosting.UseProgramFolderWhenAWindowsService();

// Ctrl+C (SIGINT) and a service manager's stop (SIGTERM: systemd, a container host) both cancel the command's token,
// so a load rolls back and the dashboard stops within seconds; without the SIGTERM handler the process ignored it.
// Never disposed: the runtime may run a handler after its registration is disposed (it takes the list of handlers when
// the signal arrives, and the web host's own SIGTERM handler can stop the server first), and cancelling a disposed
// source crashed `serve` on its way out of a clean stop.
var cancellation = new CancellationTokenSource();
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    cancellation.Cancel();
}
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
return await CliApp.RunAsync(args, CliEnvironment.FromProcess(), cancellation.Token);
