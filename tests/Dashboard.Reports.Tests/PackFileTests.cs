using System.Text;
using Dashboard.Reports.Pdf;

namespace Dashboard.Reports.Tests;

/// <summary>A pack run that fails must not cost the council the pack it already had: last month's file is what the
/// councillors were sent and what Ofsted may ask for.</summary>
[TestFixture]
public sealed class PackFileTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("packfile-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task A_pack_that_fails_part_way_leaves_the_previous_file_of_that_name_as_it_was()
    {
        var path = Path.Combine(_folder, "councillor-2026-11.pdf");
        await File.WriteAllTextAsync(path, "last good pack");

        var failing = () => PackFile.WriteAsync(path, async stream =>
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes("half a pack"));
            throw new InvalidOperationException("the reports folder is missing");
        });

        Assert.That(failing, Throws.InvalidOperationException);
        Assert.That(await File.ReadAllTextAsync(path), Is.EqualTo("last good pack"));
        Assert.That(Directory.GetFiles(_folder).Select(Path.GetFileName), Is.EqualTo(new[] { "councillor-2026-11.pdf" }),
            "no unfinished file is left beside it");
    }

    [Test]
    public async Task A_failed_first_pack_leaves_no_file_at_all()
    {
        var path = Path.Combine(_folder, "monitoring-2026-11.xlsx");

        var failing = () => PackFile.WriteAsync(path, _ => throw new InvalidOperationException("no load yet"));

        Assert.That(failing, Throws.InvalidOperationException);
        Assert.That(Directory.GetFiles(_folder), Is.Empty);
    }

    [Test]
    public async Task A_finished_pack_replaces_the_previous_file_whole()
    {
        var path = Path.Combine(_folder, "nested", "councillor-2026-11.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, "an older and much longer pack than the new one");

        var written = await PackFile.WriteAsync(path, stream => stream.WriteAsync(Encoding.UTF8.GetBytes("new pack")).AsTask());

        Assert.That(written, Is.EqualTo(Path.GetFullPath(path)));
        Assert.That(await File.ReadAllTextAsync(path), Is.EqualTo("new pack"));
        Assert.That(Directory.GetFiles(Path.GetDirectoryName(path)!), Has.Length.EqualTo(1));
    }

    [Test]
    public void A_folder_that_cannot_be_made_is_one_sentence_naming_it()
    {
        var blocker = Path.Combine(_folder, "a-file");
        File.WriteAllText(blocker, "");
        var path = Path.Combine(blocker, "packs", "councillor-2026-11.pdf");

        var ex = Assert.ThrowsAsync<PackOutputException>(() => PackFile.WriteAsync(path, _ => Task.CompletedTask));

        Assert.That(ex!.Message, Does.Contain(Path.Combine(blocker, "packs")));
    }
}
