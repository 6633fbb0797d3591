using System.Buffers;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Cli.Benchmarks.Circuit;

/// <summary>
/// One browser tab's circuit without a browser: what blazor.web.js does for a prerendered page with interactive server
/// components, over the real protocol. It connects to <c>/_blazor</c> with the user's cookies using SignalR's MessagePack
/// protocol under the name "blazorpack", calls <c>StartCircuit</c> (base address, page address, no components, the page's
/// persisted state) and then <c>UpdateRootComponents</c> with the page's markers as "add" operations; it applies each
/// <c>JS.RenderBatch</c> to a <see cref="CircuitDocument"/> and acknowledges it (<c>OnRenderCompleted</c>), answers each
/// <c>JS.BeginInvokeJS</c> as the browser would (<c>EndInvokeJSFromDotNet</c>: a module import gives an object reference, a
/// history module's <c>show</c> moves the address), and dispatches events through the renderer's interop object
/// (<c>BeginInvokeDotNetFromJS</c> "DispatchEventAsync"). <c>JS.Error</c>, a failed event or a closed connection is a failure.
/// </summary>
internal sealed class BlazorCircuitClient : ICircuitTab
{
    private readonly HubConnection _connection;
    private readonly Lock _gate = new();
    private readonly CircuitDocument _document = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _rendererInterop = -1;
    private long _nextCallId;
    private long _nextObjectId;
    private string _address;
    private string? _failure;
    private bool _disposed;

    private BlazorCircuitClient(HubConnection connection, string address)
    {
        _connection = connection;
        _address = address;
    }

    /// <summary>The page's address as the address bar would show it (path and query), moved by the page's history module.</summary>
    public string Address { get { lock (_gate) return _address; } }

    /// <summary>Why the circuit failed (an error from the server, a refused event, the connection closed), or null.</summary>
    public string? Failure { get { lock (_gate) return _failure; } }

    /// <summary>Opens the circuit for a page just loaded (its address and HTML) with the user's cookies.</summary>
    public static async Task<BlazorCircuitClient> StartAsync(Uri pageAddress, string html, CookieContainer cookies, CancellationToken ct)
    {
        var (markers, state) = ServerComponentMarkers.Read(html);
        if (markers.Count == 0) throw new InvalidOperationException($"{pageAddress} has no interactive server components to start a circuit for.");
        var builder = new HubConnectionBuilder().WithUrl(new Uri(pageAddress, "/_blazor"), options =>
        {
            options.Cookies = cookies;
            options.Transports = HttpTransportType.WebSockets;
        });
        // The last protocol registered is the one used.
        builder.Services.AddSingleton<IHubProtocol>(new BlazorPackProtocol());
        var connection = builder.Build();
        var client = new BlazorCircuitClient(connection, pageAddress.PathAndQuery);
        client.Listen();
        try
        {
            await connection.StartAsync(ct);
            var circuitId = await connection.InvokeAsync<string?>("StartCircuit", new Uri(pageAddress, "/").ToString(), pageAddress.ToString(), "[]", state, ct);
            if (string.IsNullOrEmpty(circuitId)) throw new InvalidOperationException($"The server refused to start a circuit for {pageAddress}: {client.Failure}");
            await connection.SendAsync("UpdateRootComponents", ServerComponentMarkers.AddOperations(markers), state, ct);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>Reads the page under the client's lock (render batches wait meanwhile).</summary>
    public T Read<T>(Func<CircuitDocument, string, T> read)
    {
        lock (_gate) return read(_document, _address);
    }

    /// <summary>Sends a browser event to its handler as blazor.web.js does; the server answers in JS.EndInvokeDotNet.</summary>
    public Task DispatchAsync(long handlerId, string eventName, object eventArgs, object? fieldInfo = null, CancellationToken ct = default)
    {
        long interop;
        lock (_gate) interop = _rendererInterop;
        if (interop < 0) throw new InvalidOperationException("The circuit has not attached its renderer yet.");
        var descriptor = new { eventHandlerId = handlerId, eventName, eventFieldInfo = fieldInfo };
        var args = JsonSerializer.Serialize(new object[] { descriptor, eventArgs });
        var callId = Interlocked.Increment(ref _nextCallId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return _connection.SendAsync("BeginInvokeDotNetFromJS", callId, null, "DispatchEventAsync", interop, args, ct);
    }

    /// <summary>Waits until the page meets a condition, the circuit fails, or the time runs out; true only for the condition.</summary>
    public async Task<bool> WaitUntilAsync(Func<CircuitDocument, string, bool> condition, TimeSpan timeout, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_failure is not null) return false;
                if (condition(_document, _address)) return true;
                changed = _changed.Task;
            }
            try
            {
                await changed.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return false;
            }
        }
    }

    private void Listen()
    {
        _connection.On<long, byte[]>("JS.RenderBatch", async (batchId, data) =>
        {
            string? error = null;
            Change(() =>
            {
                try
                {
                    _document.Apply(RenderBatchReader.Read(data));
                }
                catch (InvalidDataException e)
                {
                    error = e.Message;
                    _failure ??= $"render batch {batchId} could not be applied: {e.Message}";
                }
            });
            await _connection.SendAsync("OnRenderCompleted", batchId, error);
        });
        _connection.On<long, string, string, int, long, int>("JS.BeginInvokeJS", async (handle, identifier, argsJson, resultType, target, _) =>
        {
            var result = Answer(identifier, argsJson, resultType, target);
            if (handle != 0) await _connection.SendAsync("EndInvokeJSFromDotNet", handle, true, JsonSerializer.Serialize(new object?[] { handle, true, result }));
        });
        _connection.On<string, bool, string>("JS.EndInvokeDotNet", (callId, success, result) =>
        {
            if (!success) Change(() => _failure ??= $"the server refused call {callId}: {result}");
        });
        _connection.On<string>("JS.Error", error => Change(() => _failure ??= "the server reported an error: " + error));
        _connection.Closed += e =>
        {
            if (!_disposed) Change(() => _failure ??= "the circuit's connection closed" + (e is null ? "" : ": " + e.Message));
            return Task.CompletedTask;
        };
    }

    /// <summary>What the browser's JS would return for a call from .NET (null for calls whose result nobody reads).</summary>
    private Dictionary<string, long>? Answer(string identifier, string argsJson, int resultType, long target)
    {
        if (identifier == "Blazor._internal.attachWebRendererInterop"
            && JsonNode.Parse(argsJson) is JsonArray args && args.Count > 1 && args[1]?["__dotNetObject"] is { } id)
        {
            Change(() => _rendererInterop = (long)id);
        }
        // The page's history module (src/Dashboard.Web/Assets/history.js): show(url) puts the list's view in the address.
        if (identifier == "show" && target != 0 && JsonNode.Parse(argsJson) is JsonArray shown && shown.Count == 1 && (string?)shown[0] is { } url)
        {
            Change(() => _address = url);
        }
        // JSCallResultType.JSObjectReference: a module or object the server keeps a reference to.
        return resultType == 1 ? new Dictionary<string, long> { ["__jsObjectId"] = Interlocked.Increment(ref _nextObjectId) } : null;
    }

    private void Change(Action change)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            change();
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        await _connection.DisposeAsync();
    }

    /// <summary>SignalR's MessagePack hub protocol under the name Blazor's hub asks for.</summary>
    private sealed class BlazorPackProtocol : IHubProtocol
    {
        private readonly MessagePackHubProtocol _inner = new();

        public string Name => "blazorpack";
        public int Version => _inner.Version;
        public TransferFormat TransferFormat => TransferFormat.Binary;
        public bool IsVersionSupported(int version) => _inner.IsVersionSupported(version);
        public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HubMessage? message) => _inner.TryParseMessage(ref input, binder, out message);
        public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _inner.WriteMessage(message, output);
        public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _inner.GetMessageBytes(message);
    }
}
