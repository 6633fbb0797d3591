using System.Collections.Concurrent;
using Dashboard.Core.Ssd;
using Dashboard.Synthetic.Simulation;

namespace Dashboard.Synthetic.Output;

/// <summary>
/// The simulation's side of the pipe. A row is built cell by cell (<c>Row(table).Id(..).Date(..).End()</c>)
/// into a pooled <see cref="RowBuffer"/>. The rows of the child being simulated stay provisional until the child
/// is committed (they pass the fault planter) or discarded (a story that ended before the window); full buffers
/// go to the writer, which hands them back empty, so memory is bounded by the pool.
/// </summary>
internal sealed class RowSink
{
    private const int RowsPerBuffer = 8192;

    private readonly bool[] _enabled;
    private readonly int[] _columns;
    private readonly FaultPlanter _faults;
    private readonly BlockingCollection<RowBuffer> _free;
    private readonly BlockingCollection<RowBuffer> _full;
    private readonly CancellationToken _ct;
    private RowBuffer _buffer;
    private int _committedRows;
    private int _committedCells;
    private bool _skipping;

    public RowSink(bool[] enabled, FaultPlanter faults, BlockingCollection<RowBuffer> free, BlockingCollection<RowBuffer> full, CancellationToken ct)
    {
        _enabled = enabled;
        _columns = [.. SsdSchema.All.Select(t => t.Columns.Count)];
        _faults = faults;
        _free = free;
        _full = full;
        _ct = ct;
        _buffer = free.Take(ct);
        _buffer.Clear();
    }

    public string Stage { get; set; } = "Starting";

    public double Fraction { get; set; }

    public RowSink Row(int table)
    {
        _skipping = !_enabled[table];
        if (!_skipping) _buffer.BeginRow(table);
        return this;
    }

    public RowSink Text(string? text) => Add(Cell.OfText(text));

    public RowSink Id(Id id) => Add(Cell.OfId(id));

    public RowSink Id(Id? id) => Add(id is { } i ? Cell.OfId(i) : Cell.Null);

    public RowSink Date(DateOnly date) => Add(Cell.OfDate(date));

    public RowSink Date(DateOnly? date) => Add(date is { } d ? Cell.OfDate(d) : Cell.Null);

    public RowSink Flag(bool flag) => Add(Cell.OfFlag(flag));

    public RowSink Flag(bool? flag) => Add(flag is { } f ? Cell.OfFlag(f) : Cell.Null);

    public RowSink Integer(long value) => Add(Cell.OfInteger(value));

    public RowSink Real(double value) => Add(Cell.OfReal(value));

    public void End()
    {
        if (_skipping) return;
        var row = _buffer.RowCount - 1;
        if (_buffer.LengthOf(row) != _columns[_buffer.TableOf(row)])
        {
            throw new InvalidOperationException(
                $"A row for {SsdSchema.All[_buffer.TableOf(row)].Name} has {_buffer.LengthOf(row)} values, not {_columns[_buffer.TableOf(row)]}.");
        }
    }

    private RowSink Add(Cell cell)
    {
        if (!_skipping) _buffer.Add(cell);
        return this;
    }

    /// <summary>The current child's rows are final: plant faults in them and keep them.</summary>
    public void Commit()
    {
        _faults.Pass(_buffer, _committedRows, _buffer.RowCount);
        _committedRows = _buffer.RowCount;
        _committedCells = _buffer.CellCount;
        if (_committedRows >= RowsPerBuffer) Flush();
    }

    /// <summary>The current child is not in the extract: drop their rows.</summary>
    public void Discard() => _buffer.Truncate(_committedRows, _committedCells);

    public void Flush()
    {
        if (_committedRows == 0) return;
        _buffer.Stage = Stage;
        _buffer.Fraction = Fraction;
        _full.Add(_buffer, _ct);
        _buffer = _free.Take(_ct);
        _buffer.Clear();
        _committedRows = 0;
        _committedCells = 0;
    }
}
