using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Dashboard.Cli.Tests.Benchmarks;

/// <summary>
/// A small follow-up list drawn the way the real one is (section.exceptions, a busy flag on the table, a caption with the
/// page, header and pager links with click handlers, rows in a loop, a child component): Next turns the page, and the
/// link's lambda gets a new handler id each render, as the real list's do.
/// </summary>
internal sealed class PagedList : ComponentBase
{
    private int _page = 1;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "section");
        builder.AddAttribute(1, "class", "exceptions");
        builder.OpenElement(2, "table");
        builder.AddAttribute(3, "aria-busy", "false");
        builder.OpenElement(4, "caption");
        builder.AddContent(5, $"12 children to follow up, page {_page} of 3");
        builder.CloseElement();
        builder.OpenElement(6, "thead");
        builder.OpenElement(7, "a");
        builder.AddAttribute(8, "href", "/list?sort=child#top");
        builder.AddAttribute(9, "onclick", EventCallback.Factory.Create(this, () => { }));
        builder.AddContent(10, "Child");
        builder.CloseElement();
        builder.CloseElement();
        builder.OpenElement(11, "tbody");
        for (var i = 1; i <= 4; i++)
        {
            builder.OpenElement(12, "tr");
            builder.OpenElement(13, "td");
            builder.AddContent(14, $"child {(_page - 1) * 4 + i}");
            builder.CloseElement();
            builder.CloseElement();
        }
        builder.CloseElement();
        builder.CloseElement();
        builder.OpenElement(15, "nav");
        if (_page < 3)
        {
            var next = _page + 1;
            builder.OpenElement(16, "a");
            builder.AddAttribute(17, "href", $"/list?page={next}");
            builder.AddAttribute(18, "onclick", EventCallback.Factory.Create(this, () => _page = next));
            builder.AddContent(19, "Next");
            builder.CloseElement();
        }
        builder.CloseElement();
        builder.OpenComponent<Note>(20);
        builder.AddComponentParameter(21, nameof(Note.Text), $"Shown: page {_page}");
        builder.CloseComponent();
        builder.CloseElement();
    }

    internal sealed class Note : ComponentBase
    {
        [Parameter] public string Text { get; set; } = "";

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "p");
            builder.AddAttribute(1, "role", "note");
            builder.AddContent(2, Text);
            builder.CloseElement();
        }
    }
}
