using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.RenderTree;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Cli.Tests.Benchmarks;

/// <summary>
/// Blazor's own renderer, whose batches are written with the server's own RenderBatchWriter (internal to
/// Microsoft.AspNetCore.Components.Server, reached by reflection): the very bytes a circuit sends in JS.RenderBatch.
/// </summary>
#pragma warning disable BL0006 // RenderBatch is the renderer's own type: reading it is the point.
internal sealed class BatchRenderer() : Renderer(new ServiceCollection().BuildServiceProvider(), NullLoggerFactory.Instance)
{
    private static readonly Type Writer = typeof(Microsoft.AspNetCore.Components.Server.CircuitOptions).Assembly
        .GetType("Microsoft.AspNetCore.Components.Server.Circuits.RenderBatchWriter", throwOnError: true)!;

    public List<byte[]> Batches { get; } = [];

    public override Dispatcher Dispatcher { get; } = Dispatcher.CreateDefault();

    public Task<int> RenderAsync<T>() where T : IComponent, new() => Dispatcher.InvokeAsync(async () =>
    {
        var id = AssignRootComponentId(new T());
        await RenderRootComponentAsync(id);
        return id;
    });

    public Task ClickAsync(long handlerId) =>
        Dispatcher.InvokeAsync(() => DispatchEventAsync((ulong)handlerId, null, new Microsoft.AspNetCore.Components.Web.MouseEventArgs()));

    protected override void HandleException(Exception exception) => throw exception;

    protected override Task UpdateDisplayAsync(in RenderBatch renderBatch)
    {
        using var bytes = new MemoryStream();
        var writer = Activator.CreateInstance(Writer, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, null, [bytes, true], null)!;
        Writer.GetMethod("Write", [typeof(RenderBatch).MakeByRefType()])!.Invoke(writer, [renderBatch]);
        ((IDisposable)writer).Dispose();
        Batches.Add(bytes.ToArray());
        return Task.CompletedTask;
    }
}
#pragma warning restore BL0006
