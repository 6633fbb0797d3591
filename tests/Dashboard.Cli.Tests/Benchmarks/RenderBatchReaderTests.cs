using Dashboard.Cli.Benchmarks.Circuit;

namespace Dashboard.Cli.Tests.Benchmarks;

/// <summary>
/// The bench's circuit client reads the render batches Blazor's renderer writes (the same bytes a circuit sends) into the
/// page a browser would show: what a person reads, and the handlers their clicks go to.
/// </summary>
public sealed class RenderBatchReaderTests
{
    [Test]
    public async Task The_first_batch_draws_the_list_with_its_rows_links_handlers_and_child_component()
    {
        using var renderer = new BatchRenderer();
        await renderer.RenderAsync<PagedList>();
        var batch = RenderBatchReader.Read(renderer.Batches.Single());
        Assert.That(batch.UpdatedComponents, Has.Count.EqualTo(2), "the list and its note");

        var document = new CircuitDocument();
        document.Apply(batch);
        var list = FollowUpListView.List(document);
        Assert.That(list, Is.Not.Null);
        Assert.That(list!.Elements("caption").Single().Text(), Is.EqualTo("12 children to follow up, page 1 of 3"));
        Assert.That(list.Elements("tbody").Single().Elements("tr").Select(r => r.Text()), Is.EqualTo(new[] { "child 1", "child 2", "child 3", "child 4" }));
        var next = FollowUpListView.Link(list, "Next");
        Assert.That(next?.Attribute("href"), Is.EqualTo("/list?page=2"));
        Assert.That(next!.Events["click"], Is.Positive);
        Assert.That(FollowUpListView.Link(list, "Child")!.Events["click"], Is.Not.EqualTo(next.Events["click"]));
        Assert.That(list.Elements("p").Single().Text(), Is.EqualTo("Shown: page 1"), "the child component's content sits where it was placed");
    }

    [Test]
    public async Task Clicking_a_handler_read_from_the_page_brings_the_edits_of_the_next_page()
    {
        using var renderer = new BatchRenderer();
        await renderer.RenderAsync<PagedList>();
        var document = new CircuitDocument();
        document.Apply(RenderBatchReader.Read(renderer.Batches[0]));
        var first = FollowUpListView.Link(FollowUpListView.List(document)!, "Next")!.Events["click"];

        await renderer.ClickAsync(first);
        Assert.That(renderer.Batches, Has.Count.EqualTo(2));
        var edits = RenderBatchReader.Read(renderer.Batches[1]);
        Assert.That(edits.DisposedEventHandlerIds, Does.Contain(first), "the old lambda's handler is let go");
        document.Apply(edits);

        var list = FollowUpListView.List(document)!;
        Assert.That(list.Elements("caption").Single().Text(), Does.EndWith("page 2 of 3"));
        Assert.That(FollowUpListView.FirstRow(document), Is.EqualTo("child 5"));
        Assert.That(list.Elements("p").Single().Text(), Is.EqualTo("Shown: page 2"));
        var next = FollowUpListView.Link(list, "Next")!;
        Assert.That(next.Attribute("href"), Is.EqualTo("/list?page=3"));
        Assert.That(next.Events["click"], Is.Not.EqualTo(first));

        await renderer.ClickAsync(next.Events["click"]);
        document.Apply(RenderBatchReader.Read(renderer.Batches[2]));
        Assert.That(FollowUpListView.Link(FollowUpListView.List(document)!, "Next"), Is.Null, "the last page has no Next");
        Assert.That(FollowUpListView.FirstRow(document), Is.EqualTo("child 9"));
    }

    [Test]
    public void A_batch_too_short_for_its_offsets_is_refused()
    {
        Assert.That(() => RenderBatchReader.Read(new byte[8]), Throws.TypeOf<InvalidDataException>());
    }
}
