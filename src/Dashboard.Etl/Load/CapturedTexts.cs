using Dashboard.Etl.Text;

namespace Dashboard.Etl.Load;

/// <summary>
/// The texts of the rows <see cref="LoadedFacts"/> keeps until the engine's records are built: each row's own id
/// appended as it comes, and the texts that repeat (codes, the ids of a row's parents) kept once. Both live in large
/// character pages, not as a string per value: a string kept from the moment its row is staged to the end of the swap
/// is copied twice by the garbage collector on its way to the old generation, and on the large council those copies
/// were most of the staging phase's collection pauses (docs/performance.md). The strings are made when the records
/// are, on the feed's own thread beside the swap; a repeated text becomes one string, shared by every record that
/// names it, as the warehouse reader pools them.
/// </summary>
internal sealed class CapturedTexts
{
    private readonly TextArena _ids = new();
    private readonly TextSet _repeated = new(StringComparer.Ordinal);
    private string?[] _strings = [];

    /// <summary>Keeps a row's own id (ids do not repeat within a table, so they are not looked up); returns its index.</summary>
    public int AppendId(string id) => _ids.Append(id);

    /// <summary>Keeps a text that may repeat, once; returns the index every occurrence shares.</summary>
    public int Intern(string text) => _repeated.Intern(text);

    /// <summary>A kept id as a string of its own.</summary>
    public string Id(int index) => new(_ids[index]);

    /// <summary>A kept repeated text, as the one string all its occurrences share.</summary>
    public string Repeated(int i)
    {
        if (_strings.Length < _repeated.Count) Array.Resize(ref _strings, _repeated.Count);
        return _strings[i] ??= new string(_repeated[i]);
    }

    /// <summary>Lets go of every kept text (call once every record is built).</summary>
    public void Clear()
    {
        _ids.Clear();
        _repeated.Clear();
        _strings = [];
    }
}
