using System.Runtime.InteropServices;
using SQLitePCL;

namespace Dashboard.Data.Sqlite;

/// <summary>
/// The SQLite calls <see cref="SqliteRowReader"/> makes once per row or value (step a statement, read a column),
/// declared on raw pointers. SQLitePCLRaw's own declarations take the statement as a SafeHandle, so every call adds
/// and releases a reference on it and makes a full GC transition, and Microsoft.Data.Sqlite's reader adds its own
/// checks per value: reading the medium council's source this way is 2.5 to 4 times faster (docs/performance.md).
/// These declarations call the same library (e_sqlite3, which SQLitePCLRaw has already loaded) with the statement's
/// pointer; the statement stays owned by its SafeHandle, which the caller keeps alive while it uses the pointer.
/// Calls that only read a value skip the GC transition (they are short and never call back into .NET); stepping a
/// statement, which does the I/O, does not.
/// </summary>
internal static class NativeSqlite
{
    /// <summary>The library SQLitePCLRaw has loaded; <see cref="NativeSqliteBinding"/> declares its calls on it too.</summary>
    internal const string Library = "e_sqlite3";

    public static IntPtr Pointer(sqlite3_stmt statement) => statement.DangerousGetHandle();

    public static int Step(IntPtr statement) => sqlite3_step(statement);

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

    [DllImport(Library, ExactSpelling = true)]
    private static extern int sqlite3_step(IntPtr statement);

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
