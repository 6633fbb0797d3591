using System.Runtime.InteropServices;
using SQLitePCL;

namespace Dashboard.Data.Sqlite;

/// <summary>
/// The few SQLite calls the bulk paths make once per value (bind a parameter, read a column), declared on raw
/// pointers. SQLitePCLRaw's own declarations take its statement as a SafeHandle, so every call adds and releases a
/// reference on it (two interlocked operations) and makes a full GC transition: measured with perf on the medium
/// council's load, that was a sixth of the writing thread's time. These declarations call the same library
/// (e_sqlite3, which SQLitePCLRaw has already loaded) with the statement's pointer; the statement stays owned by
/// its SafeHandle, which the caller keeps alive for as long as it uses the pointer. Calls that only copy a value
/// skip the GC transition (they are short and never call back into .NET); stepping a statement does not.
/// </summary>
internal static class NativeSqlite
{
    private const string Library = "e_sqlite3";

    /// <summary>SQLITE_TRANSIENT: SQLite copies bound text before the call returns.</summary>
    private static readonly IntPtr Transient = new(-1);

    // A non-null pointer for the empty string: binding text with a null pointer would store NULL instead of ''.
    private static readonly byte[] Empty = [0, 0];

    public static IntPtr Pointer(sqlite3_stmt statement) => statement.DangerousGetHandle();

    public static int BindNull(IntPtr statement, int index) => sqlite3_bind_null(statement, index);

    public static int BindInt64(IntPtr statement, int index, long value) => sqlite3_bind_int64(statement, index, value);

    public static int BindDouble(IntPtr statement, int index, double value) => sqlite3_bind_double(statement, index, value);

    /// <summary>Binds UTF-16 text (copied by SQLite), as SQLitePCLRaw's bind_text16 does.</summary>
    public static int BindText16(IntPtr statement, int index, ReadOnlySpan<char> text) =>
        text.IsEmpty
            ? sqlite3_bind_text16(statement, index, ref Empty[0], 0, Transient)
            : sqlite3_bind_text16(statement, index, ref MemoryMarshal.GetReference(MemoryMarshal.AsBytes(text)), text.Length * sizeof(char), Transient);

    public static int Step(IntPtr statement) => sqlite3_step(statement);

    public static int Reset(IntPtr statement) => sqlite3_reset(statement);

    public static int ColumnType(IntPtr statement, int index) => sqlite3_column_type(statement, index);

    public static long ColumnInt64(IntPtr statement, int index) => sqlite3_column_int64(statement, index);

    public static double ColumnDouble(IntPtr statement, int index) => sqlite3_column_double(statement, index);

    /// <summary>A TEXT column as a string, decoded from SQLite's UTF-8 as Microsoft.Data.Sqlite decodes it.</summary>
    public static string ColumnText(IntPtr statement, int index)
    {
        var text = sqlite3_column_text(statement, index);
        var bytes = sqlite3_column_bytes(statement, index);
        return text == IntPtr.Zero || bytes == 0 ? "" : Marshal.PtrToStringUTF8(text, bytes);
    }

    /// <summary>A BLOB column as a new array.</summary>
    public static byte[] ColumnBlob(IntPtr statement, int index)
    {
        var blob = sqlite3_column_blob(statement, index);
        var bytes = sqlite3_column_bytes(statement, index);
        var copy = new byte[bytes];
        if (bytes > 0) Marshal.Copy(blob, copy, 0, bytes);
        return copy;
    }

    [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
    private static extern int sqlite3_bind_null(IntPtr statement, int index);

    [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
    private static extern int sqlite3_bind_int64(IntPtr statement, int index, long value);

    [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
    private static extern int sqlite3_bind_double(IntPtr statement, int index, double value);

    [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
    private static extern int sqlite3_bind_text16(IntPtr statement, int index, ref byte text, int bytes, IntPtr destructor);

    [DllImport(Library, ExactSpelling = true)]
    private static extern int sqlite3_step(IntPtr statement);

    [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
    private static extern int sqlite3_reset(IntPtr statement);

    [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
    private static extern int sqlite3_column_type(IntPtr statement, int index);

    [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
    private static extern long sqlite3_column_int64(IntPtr statement, int index);

    [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
    private static extern double sqlite3_column_double(IntPtr statement, int index);

    [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
    private static extern IntPtr sqlite3_column_text(IntPtr statement, int index);

    [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
    private static extern IntPtr sqlite3_column_blob(IntPtr statement, int index);

    [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
    private static extern int sqlite3_column_bytes(IntPtr statement, int index);
}
