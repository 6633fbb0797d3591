namespace Dashboard.Synthetic.Tests;

public sealed class OptionsTests
{
    private static readonly FixedTime Today = new(new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero));

    private static CouncilGenerator Generator() => new(Today);

    private static ArgumentException Refused(GeneratorOptions options)
    {
        var path = TestRun.NewPath("refused");
        var error = Assert.Throws<ArgumentException>(() => Generator().Generate(options, path))!;
        Assert.That(File.Exists(path), Is.False, "A refused generation writes nothing.");
        return error;
    }

    [TestCase(0)]
    [TestCase(21)]
    [TestCase(-5)]
    public void Years_outside_1_to_20_are_refused_naming_the_option(int years)
    {
        var error = Refused(new GeneratorOptions(CouncilPreset.Scilly, Years: years, AsOf: Councils.AsOf));
        Assert.That(error.Message, Does.StartWith("Years must be between 1 and 20"));
    }

    [TestCase(-0.01)]
    [TestCase(0.51)]
    [TestCase(double.NaN)]
    public void A_fault_rate_outside_0_to_half_is_refused_naming_the_option(double rate)
    {
        var error = Refused(new GeneratorOptions(CouncilPreset.Scilly, AsOf: Councils.AsOf, FaultRate: rate));
        Assert.That(error.Message, Does.StartWith("FaultRate must be between 0 and 0.5"));
    }

    [Test]
    public void An_extract_date_before_2005_is_refused_naming_the_option()
    {
        var error = Refused(new GeneratorOptions(CouncilPreset.Scilly, AsOf: new DateOnly(2004, 12, 31)));
        Assert.That(error.Message, Does.StartWith("AsOf must be between 2005-01-01"));
    }

    [Test]
    public void The_edges_of_the_ranges_are_accepted()
    {
        var summary = Generator().Generate(new GeneratorOptions(CouncilPreset.Scilly, Years: 20, AsOf: new DateOnly(2005, 1, 1), FaultRate: 0.5),
            TestRun.NewPath("edges"));
        Assert.That(summary.TotalRows, Is.GreaterThan(0));
    }

    [Test]
    public void The_extract_date_defaults_to_today_from_the_time_provider()
    {
        var summary = Generator().Generate(new GeneratorOptions(CouncilPreset.Scilly, Years: 1), TestRun.NewPath("today"));
        Assert.That(summary.AsOf, Is.EqualTo(new DateOnly(2026, 4, 1)));
    }

    [Test]
    public void A_missing_directory_is_an_IO_error_naming_the_path()
    {
        var path = Path.Combine(TestRun.Folder, "no-such-folder", "council.db");
        var error = Assert.Throws<DirectoryNotFoundException>(() =>
            Generator().Generate(new GeneratorOptions(CouncilPreset.Scilly, AsOf: Councils.AsOf), path))!;
        Assert.That(error, Is.InstanceOf<IOException>());
        Assert.That(error.Message, Does.Contain(Path.Combine(TestRun.Folder, "no-such-folder")));
    }

    [Test]
    public void An_existing_file_is_replaced_and_no_temporary_file_is_left()
    {
        var folder = Directory.CreateDirectory(Path.Combine(TestRun.Folder, "replace-" + Guid.NewGuid().ToString("N"))).FullName;
        var path = Path.Combine(folder, "council.db");
        File.WriteAllText(path, "not a database");

        var summary = Generator().Generate(new GeneratorOptions(CouncilPreset.Scilly, AsOf: Councils.AsOf), path);

        Assert.That(summary.Path, Is.EqualTo(path));
        Assert.That(File.ReadAllBytes(path).Take(15).ToArray(), Is.EqualTo("SQLite format 3"u8.ToArray()));
        Assert.That(Directory.GetFiles(folder), Is.EqualTo(new[] { path }));
    }

    [Test]
    public void A_cancelled_generation_leaves_no_file_at_the_target()
    {
        var folder = Directory.CreateDirectory(Path.Combine(TestRun.Folder, "cancel-" + Guid.NewGuid().ToString("N"))).FullName;
        var path = Path.Combine(folder, "council.db");
        File.WriteAllText(path, "the previous extract");
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.That(() => Generator().Generate(new GeneratorOptions(CouncilPreset.Small, AsOf: Councils.AsOf), path, ct: cancel.Token),
            Throws.InstanceOf<OperationCanceledException>());
        Assert.That(File.ReadAllText(path), Is.EqualTo("the previous extract"));
        Assert.That(Directory.GetFiles(folder), Is.EqualTo(new[] { path }));
    }

    [Test]
    public void Progress_runs_from_the_start_to_one()
    {
        var reports = new List<GenerationProgress>();
        Generator().Generate(new GeneratorOptions(CouncilPreset.Scilly, AsOf: Councils.AsOf), TestRun.NewPath("progress"), new Collect(reports));

        Assert.That(reports, Is.Not.Empty);
        Assert.That(reports.Select(r => r.Fraction), Is.Ordered);
        Assert.That(reports[^1], Is.EqualTo(new GenerationProgress("Done", 1.0)));
    }

    private sealed class Collect(List<GenerationProgress> reports) : IProgress<GenerationProgress>
    {
        public void Report(GenerationProgress value) => reports.Add(value);
    }
}
