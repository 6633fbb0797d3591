using Dashboard.Cli.Benchmarks;
using Dashboard.Cli.Benchmarks.Circuit;

namespace Dashboard.Cli.Tests.Benchmarks;

/// <summary>
/// How the bench's circuit users judge a click: it counts only when the list shows the view asked for (address moved to
/// the link's view, rows drawn, caption on that page). A click the server ignores is an error once the time runs out,
/// never a fast sample.
/// </summary>
public sealed class CircuitClickTests
{
    [Test]
    public async Task A_click_that_brings_the_new_page_counts_as_shown()
    {
        await using var tab = await RendererTab.OpenAsync(serverActs: true);
        var harness = new CircuitClientHarness("http://127.0.0.1", "SEEN-01", "2026-03", "T1", TimeSpan.FromSeconds(5));
        var sample = await harness.ClickAsync(tab, "Next", CancellationToken.None);
        Assert.That(sample, Is.Not.Null);
        Assert.That(sample!.Value.Failed, Is.False);
        Assert.That(tab.Read((doc, address) => (address, FollowUpListView.FirstRow(doc))), Is.EqualTo(("/list?page=2", "child 5")));
    }

    [Test]
    public async Task A_click_that_changes_nothing_is_counted_as_an_error()
    {
        await using var tab = await RendererTab.OpenAsync(serverActs: false);
        var harness = new CircuitClientHarness("http://127.0.0.1", "SEEN-01", "2026-03", "T1", TimeSpan.FromMilliseconds(200));
        var sample = await harness.ClickAsync(tab, "Next", CancellationToken.None);
        Assert.That(sample, Is.Not.Null);
        Assert.That(sample!.Value.Failed, Is.True);
        Assert.That(sample.Value.Step, Is.EqualTo("click \"Next\""));
    }

    [Test]
    public void An_address_that_moved_while_the_caption_shows_another_page_is_an_error()
    {
        using var renderer = new BatchRenderer();
        renderer.RenderAsync<PagedList>().GetAwaiter().GetResult();
        var document = new CircuitDocument();
        document.Apply(RenderBatchReader.Read(renderer.Batches[0]));
        Assert.Multiple(() =>
        {
            Assert.That(FollowUpListView.Judge(document, "/list", "/list", _ => true).State, Is.EqualTo(ClickState.Pending), "nothing moved yet");
            Assert.That(FollowUpListView.Judge(document, "/list?page=2", "/list", a => a == "/list?page=2").State, Is.EqualTo(ClickState.Failed), "page 2 asked, page 1 shown");
            Assert.That(FollowUpListView.Judge(document, "/list?page=1", "/list", a => a == "/list?page=1").State, Is.EqualTo(ClickState.Shown));
        });
    }

    /// <summary>A tab on the real renderer's batches; its server either acts on events (renders, and the list moves the
    /// address to the clicked link's view, as its history module does) or silently ignores them.</summary>
    private sealed class RendererTab : ICircuitTab
    {
        private readonly BatchRenderer _renderer = new();
        private readonly CircuitDocument _document = new();
        private readonly bool _serverActs;
        private string _address = "/list";
        private int _applied;

        private RendererTab(bool serverActs) => _serverActs = serverActs;

        public static async Task<RendererTab> OpenAsync(bool serverActs)
        {
            var tab = new RendererTab(serverActs);
            await tab._renderer.RenderAsync<PagedList>();
            tab.ApplyNew();
            return tab;
        }

        public string? Failure => null;

        public T Read<T>(Func<CircuitDocument, string, T> read) => read(_document, _address);

        public async Task DispatchAsync(long handlerId, string eventName, object eventArgs, object? fieldInfo = null, CancellationToken ct = default)
        {
            if (!_serverActs) return;
            // The view the link was for (its href changes with the next render, as the real list's do).
            var view = _document.Descendants().First(n => n.Events.GetValueOrDefault("click") == handlerId).Attribute("href")!.Split('#')[0];
            await _renderer.ClickAsync(handlerId);
            ApplyNew();
            _address = view;
        }

        public async Task<bool> WaitUntilAsync(Func<CircuitDocument, string, bool> condition, TimeSpan timeout, CancellationToken ct)
        {
            // Every change happens inside DispatchAsync, so what is not true now can only become true by time running out.
            if (condition(_document, _address)) return true;
            await Task.Delay(timeout, ct);
            return condition(_document, _address);
        }

        private void ApplyNew()
        {
            foreach (var batch in _renderer.Batches.Skip(_applied)) _document.Apply(RenderBatchReader.Read(batch));
            _applied = _renderer.Batches.Count;
        }

        public ValueTask DisposeAsync()
        {
            ((IDisposable)_renderer).Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
