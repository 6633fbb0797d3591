// The reconnect message's Reload button (Layout/ReconnectMessage.razor). An external file because the content security
// policy allows no inline script. A full reload: the address holds the view, so the page comes back as it was.
document.addEventListener("click", event => {
    if (event.target instanceof Element && event.target.closest("#reconnect-reload")) location.reload();
});
