using System.Text;

namespace Dashboard.Cli.Hosting;

/// <summary>Sends the command-line library's own output (help, version) to the environment's console, so
/// in-process tests capture it like everything else.</summary>
internal sealed class AnsiTextWriter(CliEnvironment env) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => env.Out.Profile.Out.Writer.Write(value);

    public override void Write(string? value) => env.Out.Profile.Out.Writer.Write(value);

    public override void WriteLine(string? value) => env.Out.Profile.Out.Writer.WriteLine(value);
}
