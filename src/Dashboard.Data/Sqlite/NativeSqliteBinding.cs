using System.Runtime.InteropServices;

namespace Dashboard.Data.Sqlite;

/// <summary>
/// The SQLite calls <see cref="SqliteBulkWriter"/> makes once per row or value (bind a parameter, reset; it steps with
/// <see cref="NativeSqlite.Step"/>), declared
/// on the statement's raw pointer as <see cref="NativeSqlite"/> declares the reader's: SQLitePCLRaw's own declarations
/// take the statement as a SafeHandle, so every bind adds and releases a reference on it and goes through a marshalling
/// stub (7.7% of the run thread's samples while it writes the staging tables, docs/performance.md). Text is bound as
/// UTF-8 with SQLITE_TRANSIENT: SQLite copies it into the parameter before the call returns, so the caller's buffer may
/// be reused at once. The binds are short, never block and never call back into .NET, so they skip the GC transition;
/// resetting a statement can finish its I/O and wait on locks, so it does not.
/// </summary>
internal static class NativeSqliteBinding
{
    private const string Library = NativeSqlite.Library;

    /// <summary>SQLITE_TRANSIENT: SQLite makes its own copy of the value before the bind returns.</summary>
    private static readonly IntPtr Transient = new(-1);

    public static int Reset(IntPtr statement) => sqlite3_reset(statement);

    public static int BindNull(IntPtr statement, int index) => sqlite3_bind_null(statement, index);

    public static int BindInt64(IntPtr statement, int index, long value) => sqlite3_bind_int64(statement, index, value);

    public static int BindDouble(IntPtr statement, int index, double value) => sqlite3_bind_double(statement, index, value);

    /// <summary>
    /// The first <paramref name="length"/> bytes of <paramref name="buffer"/> as TEXT (UTF-8). The buffer itself must not
    /// be empty: a zero-length text is bound from a real address, since a null one would bind NULL.
    /// </summary>
    public static int BindText(IntPtr statement, int index, ReadOnlySpan<byte> buffer, int length) =>
        sqlite3_bind_text(statement, index, ref MemoryMarshal.GetReference(buffer), length, Transient);

    /// <summary>A BLOB; an empty one as an empty BLOB, not NULL.</summary>
    public static int BindBlob(IntPtr statement, int index, byte[] value) =>
        value.Length == 0
            ? sqlite3_bind_zeroblob(statement, index, 0)
            : sqlite3_bind_blob(statement, index, ref MemoryMarshal.GetArrayDataReference(value), value.Length, Transient);

    [DllImport(Library, ExactSpelling = true)]
    private static extern int sqlite3_reset(IntPtr statement);

    [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
    private static extern int sqlite3_bind_null(IntPtr statement, int index);

    [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
    private static extern int sqlite3_bind_int64(IntPtr statement, int index, long value);

    [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
    private static extern int sqlite3_bind_double(IntPtr statement, int index, double value);

    [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
    private static extern int sqlite3_bind_text(IntPtr statement, int index, ref byte text, int bytes, IntPtr destructor);

    [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
    private static extern int sqlite3_bind_blob(IntPtr statement, int index, ref byte blob, int bytes, IntPtr destructor);

    [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
    private static extern int sqlite3_bind_zeroblob(IntPtr statement, int index, int bytes);
}
