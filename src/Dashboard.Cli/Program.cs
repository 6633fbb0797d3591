using System.Globalization;
using Dashboard.Cli;
using Dashboard.Cli.Hosting;

// The product is English and British: dates, numbers and sorting read the same on every server,
// whatever locale the machine was installed with. (Globalisation stays on: SqlClient requires it.)
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("en-GB");

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return await CliApp.RunAsync(args, CliEnvironment.FromProcess(), cancellation.Token);
