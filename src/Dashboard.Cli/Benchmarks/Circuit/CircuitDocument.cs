using System.Text;
using System.Text.RegularExpressions;

namespace Dashboard.Cli.Benchmarks.Circuit;

internal enum NodeKind { Element, Text, Markup, Component }

/// <summary>A node of the page as the circuit drew it: an element with its attributes and event handlers, a text, a piece of
/// markup, or a component (whose own content is its children, as the browser keeps it in a logical container).</summary>
internal sealed class CircuitNode(NodeKind kind, string name)
{
    public NodeKind Kind { get; } = kind;
    public string Name { get; } = name;
    public string? Content { get; set; }
    /// <summary>The component whose render tree holds this node (for an event's field information).</summary>
    public int RenderedBy { get; init; }
    public Dictionary<string, string> Attributes { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Event name (click, change, submit) to the handler id the browser would dispatch to.</summary>
    public Dictionary<string, long> Events { get; } = new(StringComparer.Ordinal);
    public List<CircuitNode> Children { get; } = [];
    public CircuitNode? Parent { get; set; }

    public string? Attribute(string name) => Attributes.GetValueOrDefault(name);

    public bool HasClass(string cls) => Attribute("class")?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(cls) == true;

    public IEnumerable<CircuitNode> Descendants()
    {
        foreach (var child in Children)
        {
            yield return child;
            foreach (var d in child.Descendants()) yield return d;
        }
    }

    public IEnumerable<CircuitNode> Elements(string name) => Descendants().Where(n => n.Kind == NodeKind.Element && n.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The text a person reads in this node, whitespace collapsed.</summary>
    public string Text()
    {
        var text = new StringBuilder();
        Collect(this, text);
        return Regex.Replace(text.ToString(), @"\s+", " ").Trim();

        static void Collect(CircuitNode node, StringBuilder into)
        {
            switch (node.Kind)
            {
                case NodeKind.Text: into.Append(node.Content); break;
                case NodeKind.Markup: into.Append(Regex.Replace(node.Content ?? "", "<[^>]*>", " ")); break;
                default:
                    foreach (var child in node.Children) Collect(child, into);
                    break;
            }
        }
    }
}

/// <summary>
/// The page's interactive parts as a browser would hold them after applying the circuit's render batches, with the same
/// rules as blazor.web.js's BrowserRenderer: a diff's edits walk its component's logical children (regions are flattened
/// into their parent, a component is one child whose content is its own container, an element reference capture is no
/// child), and event handlers come from attribute frames with a handler id. Enough to find what a person would click and
/// what they would then read; not a DOM.
/// </summary>
internal sealed class CircuitDocument
{
    private readonly Dictionary<int, CircuitNode> _components = [];

    /// <summary>Components not (yet) placed inside another: the page's interactive roots.</summary>
    public IEnumerable<CircuitNode> Roots => _components.Values.Where(c => c.Parent is null);

    public IEnumerable<CircuitNode> Descendants() => Roots.SelectMany(r => r.Descendants());

    public void Apply(RenderBatchData batch)
    {
        foreach (var diff in batch.UpdatedComponents) ApplyEdits(diff.ComponentId, diff.Edits, batch.ReferenceFrames);
        foreach (var id in batch.DisposedComponentIds) _components.Remove(id);
        if (batch.DisposedEventHandlerIds.Count == 0) return;
        var disposed = batch.DisposedEventHandlerIds.ToHashSet();
        foreach (var node in Descendants().Where(n => n.Events.Count > 0).ToList())
        {
            foreach (var (name, id) in node.Events.ToList())
            {
                if (disposed.Contains(id)) node.Events.Remove(name);
            }
        }
    }

    private CircuitNode Component(int id)
    {
        if (!_components.TryGetValue(id, out var node)) _components[id] = node = new CircuitNode(NodeKind.Component, "component") { RenderedBy = id };
        return node;
    }

    private void ApplyEdits(int componentId, IReadOnlyList<BatchEdit> edits, IReadOnlyList<BatchFrame> frames)
    {
        var parent = Component(componentId);
        var depth = 0;
        List<(int From, int To)>? permutation = null;
        foreach (var edit in edits)
        {
            switch (edit.Kind)
            {
                case EditKind.PrependFrame:
                    InsertFrame(componentId, parent, edit.SiblingIndex, frames, edit.ReferenceFrameIndex);
                    break;
                case EditKind.RemoveFrame:
                    Child(parent, edit.SiblingIndex).Parent = null;
                    parent.Children.RemoveAt(edit.SiblingIndex);
                    break;
                case EditKind.SetAttribute:
                    ApplyAttribute(Child(parent, edit.SiblingIndex), frames[edit.ReferenceFrameIndex]);
                    break;
                case EditKind.RemoveAttribute:
                    Child(parent, edit.SiblingIndex).Attributes.Remove(edit.RemovedAttributeName ?? "");
                    break;
                case EditKind.UpdateText:
                    Child(parent, edit.SiblingIndex).Content = frames[edit.ReferenceFrameIndex].Value;
                    break;
                case EditKind.UpdateMarkup:
                    parent.Children.RemoveAt(edit.SiblingIndex);
                    InsertFrame(componentId, parent, edit.SiblingIndex, frames, edit.ReferenceFrameIndex);
                    break;
                case EditKind.StepIn:
                    parent = Child(parent, edit.SiblingIndex);
                    depth++;
                    break;
                case EditKind.StepOut:
                    parent = parent.Parent ?? throw new InvalidDataException($"A render batch stepped out of component {componentId}'s root.");
                    depth--;
                    break;
                case EditKind.PermutationListEntry:
                    (permutation ??= []).Add((edit.SiblingIndex, edit.ReferenceFrameIndex));
                    break;
                case EditKind.PermutationListEnd:
                    var before = parent.Children.ToArray();
                    foreach (var (from, to) in permutation ?? []) parent.Children[to] = before[from];
                    permutation = null;
                    break;
                default:
                    throw new InvalidDataException($"Unknown render batch edit type {(int)edit.Kind}.");
            }
        }
        if (depth != 0) throw new InvalidDataException($"Component {componentId}'s edits ended {depth} level(s) deep.");
    }

    private static CircuitNode Child(CircuitNode parent, int index) =>
        index >= 0 && index < parent.Children.Count ? parent.Children[index]
            : throw new InvalidDataException($"A render batch edit names child {index} of a node with {parent.Children.Count}.");

    /// <summary>Inserts one frame (and its subtree) at a logical child index; how many logical children it became.</summary>
    private int InsertFrame(int componentId, CircuitNode parent, int index, IReadOnlyList<BatchFrame> frames, int frameIndex)
    {
        var frame = frames[frameIndex];
        switch (frame.Kind)
        {
            case FrameKind.Element:
                var element = new CircuitNode(NodeKind.Element, frame.Name ?? "") { RenderedBy = componentId };
                Insert(parent, index, element);
                var end = frameIndex + frame.SubtreeLength;
                var child = frameIndex + 1;
                for (; child < end && frames[child].Kind == FrameKind.Attribute; child++) ApplyAttribute(element, frames[child]);
                InsertRange(componentId, element, 0, frames, child, end);
                return 1;
            case FrameKind.Text:
            case FrameKind.Markup:
                Insert(parent, index, new CircuitNode(frame.Kind == FrameKind.Text ? NodeKind.Text : NodeKind.Markup, "#text") { Content = frame.Value, RenderedBy = componentId });
                return 1;
            case FrameKind.Component:
                var placeholder = Component(frame.ComponentId);
                Insert(parent, index, placeholder);
                return 1;
            case FrameKind.Region:
                return InsertRange(componentId, parent, index, frames, frameIndex + 1, frameIndex + frame.SubtreeLength);
            case FrameKind.Attribute:
                throw new InvalidDataException("An attribute frame outside the leading children of an element.");
            default:
                return 0;
        }
    }

    private int InsertRange(int componentId, CircuitNode parent, int index, IReadOnlyList<BatchFrame> frames, int start, int endExclusive)
    {
        var first = index;
        for (var i = start; i < endExclusive; i++)
        {
            index += InsertFrame(componentId, parent, index, frames, i);
            if (frames[i].Kind is FrameKind.Element or FrameKind.Component or FrameKind.Region) i += frames[i].SubtreeLength - 1;
        }
        return index - first;
    }

    private static void Insert(CircuitNode parent, int index, CircuitNode node)
    {
        if (index < 0 || index > parent.Children.Count) throw new InvalidDataException($"A render batch inserts at {index} among {parent.Children.Count} children.");
        node.Parent = parent;
        parent.Children.Insert(index, node);
    }

    private static void ApplyAttribute(CircuitNode element, BatchFrame attribute)
    {
        var name = attribute.Name ?? "";
        if (attribute.EventHandlerId != 0)
        {
            // "onclick" is the browser's "click" event, as blazor.web.js registers it.
            element.Events[name.StartsWith("on", StringComparison.Ordinal) ? name[2..] : name] = attribute.EventHandlerId;
            return;
        }
        // A boolean true comes as "", false (or no value) as null: the attribute is then absent.
        if (attribute.Value is null) element.Attributes.Remove(name);
        else element.Attributes[name] = attribute.Value;
    }
}
