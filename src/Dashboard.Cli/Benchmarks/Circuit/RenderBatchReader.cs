using System.Buffers.Binary;
using System.Text;

namespace Dashboard.Cli.Benchmarks.Circuit;

/// <summary>Render tree frame types as the server numbers them (Microsoft.AspNetCore.Components.RenderTree.RenderTreeFrameType).</summary>
internal enum FrameKind
{
    None = 0,
    Element = 1,
    Text = 2,
    Attribute = 3,
    Component = 4,
    Region = 5,
    ElementReferenceCapture = 6,
    ComponentReferenceCapture = 7,
    Markup = 8,
    ComponentRenderMode = 9,
    NamedEvent = 10,
}

/// <summary>Edit types as the server numbers them (RenderTreeEditType).</summary>
internal enum EditKind
{
    PrependFrame = 1,
    RemoveFrame = 2,
    SetAttribute = 3,
    RemoveAttribute = 4,
    UpdateText = 5,
    StepIn = 6,
    StepOut = 7,
    UpdateMarkup = 8,
    PermutationListEntry = 9,
    PermutationListEnd = 10,
}

/// <summary>One frame of a batch's reference frames: what each kind carries (name and value are the element's name, the
/// attribute's name and value, or a text, markup or capture's content).</summary>
internal readonly record struct BatchFrame(FrameKind Kind, int SubtreeLength, int ComponentId, string? Name, string? Value, long EventHandlerId);

/// <summary>One edit: where (the sibling index at the current depth) and what (a reference frame, or the index to move to for
/// a permutation, or the attribute to remove).</summary>
internal readonly record struct BatchEdit(EditKind Kind, int SiblingIndex, int ReferenceFrameIndex, string? RemovedAttributeName);

internal sealed record ComponentDiff(int ComponentId, IReadOnlyList<BatchEdit> Edits);

/// <summary>A render batch as the server sends it in <c>JS.RenderBatch</c>.</summary>
internal sealed record RenderBatchData(IReadOnlyList<ComponentDiff> UpdatedComponents, IReadOnlyList<BatchFrame> ReferenceFrames,
    IReadOnlyList<int> DisposedComponentIds, IReadOnlyList<long> DisposedEventHandlerIds);

/// <summary>
/// Reads the binary render batch Blazor Server sends to the browser (the server's RenderBatchWriter; blazor.web.js reads it
/// with its OutOfProcessRenderBatch). All integers little-endian. The batch ends with five offsets: updated components,
/// reference frames, disposed component ids, disposed event handler ids, string table. Updated components is a count and
/// that many offsets of diffs (component id, edit count, 16-byte edits); frames are a count and 20-byte frames (type, then
/// 16 bytes whose meaning depends on the type); strings are an index into the table of offsets, each string a 7-bit
/// encoded length and UTF-8, -1 for null.
/// </summary>
internal static class RenderBatchReader
{
    private const int FrameSize = 20;
    private const int EditSize = 16;

    public static RenderBatchData Read(ReadOnlySpan<byte> data)
    {
        if (data.Length < 20) throw new InvalidDataException($"A render batch of {data.Length} bytes is too short to hold its offsets.");
        var end = data.Length;
        var updatedAt = Int(data, end - 20);
        var framesAt = Int(data, end - 16);
        var disposedComponentsAt = Int(data, end - 12);
        var disposedHandlersAt = Int(data, end - 8);
        var strings = new StringTable(Int(data, end - 4));

        var diffCount = Int(data, updatedAt);
        var diffs = new List<ComponentDiff>(diffCount);
        for (var i = 0; i < diffCount; i++)
        {
            var at = Int(data, updatedAt + 4 + 4 * i);
            var componentId = Int(data, at);
            var editCount = Int(data, at + 4);
            var edits = new BatchEdit[editCount];
            for (var e = 0; e < editCount; e++)
            {
                var edit = at + 8 + EditSize * e;
                edits[e] = new BatchEdit((EditKind)Int(data, edit), Int(data, edit + 4), Int(data, edit + 8), strings.Read(data, Int(data, edit + 12)));
            }
            diffs.Add(new ComponentDiff(componentId, edits));
        }

        var frameCount = Int(data, framesAt);
        var frames = new BatchFrame[frameCount];
        for (var i = 0; i < frameCount; i++) frames[i] = ReadFrame(data, framesAt + 4 + FrameSize * i, strings);

        var disposedComponents = new int[Int(data, disposedComponentsAt)];
        for (var i = 0; i < disposedComponents.Length; i++) disposedComponents[i] = Int(data, disposedComponentsAt + 4 + 4 * i);
        var disposedHandlers = new long[Int(data, disposedHandlersAt)];
        for (var i = 0; i < disposedHandlers.Length; i++) disposedHandlers[i] = BinaryPrimitives.ReadInt64LittleEndian(data[(disposedHandlersAt + 4 + 8 * i)..]);
        return new RenderBatchData(diffs, frames, disposedComponents, disposedHandlers);
    }

    private static BatchFrame ReadFrame(ReadOnlySpan<byte> data, int at, StringTable strings)
    {
        var kind = (FrameKind)Int(data, at);
        return kind switch
        {
            FrameKind.Element => new BatchFrame(kind, Int(data, at + 4), 0, strings.Read(data, Int(data, at + 8)), null, 0),
            FrameKind.Text or FrameKind.Markup or FrameKind.ElementReferenceCapture => new BatchFrame(kind, 0, 0, null, strings.Read(data, Int(data, at + 4)), 0),
            FrameKind.Attribute => new BatchFrame(kind, 0, 0, strings.Read(data, Int(data, at + 4)), strings.Read(data, Int(data, at + 8)),
                BinaryPrimitives.ReadInt64LittleEndian(data[(at + 12)..])),
            FrameKind.Component => new BatchFrame(kind, Int(data, at + 4), Int(data, at + 8), null, null, 0),
            FrameKind.Region => new BatchFrame(kind, Int(data, at + 4), 0, null, null, 0),
            // Kept so that edits' frame indexes stay right; they draw nothing.
            _ => new BatchFrame(kind, 0, 0, null, null, 0),
        };
    }

    private static int Int(ReadOnlySpan<byte> data, int at)
    {
        if (at < 0 || at + 4 > data.Length) throw new InvalidDataException($"A render batch offset ({at}) lies outside its {data.Length} bytes.");
        return BinaryPrimitives.ReadInt32LittleEndian(data[at..]);
    }

    private readonly struct StringTable(int tableAt)
    {
        public string? Read(ReadOnlySpan<byte> data, int index)
        {
            if (index == -1) return null;
            var at = Int(data, tableAt + 4 * index);
            // BinaryWriter's string: the UTF-8 length in 7-bit groups, low group first, then the bytes.
            var length = 0;
            var shift = 0;
            byte b;
            do
            {
                b = data[at++];
                length |= (b & 0x7F) << shift;
                shift += 7;
            }
            while ((b & 0x80) != 0 && shift < 35);
            return Encoding.UTF8.GetString(data.Slice(at, length));
        }
    }
}
