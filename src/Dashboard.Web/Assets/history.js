// The follow-up list puts the view it shows into the address bar, so the back button, bookmarks and copied links give
// the same view, and it is told when back or forward returns to one of its addresses. An external module: the content
// security policy allows no inline script.
export function show(url) {
    if (url !== location.pathname + location.search) history.pushState(null, "", url);
}

const listeners = new Map();

export function listen(list) {
    const onPopState = () => list.invokeMethodAsync("ShowAddressAsync", location.pathname, location.search);
    listeners.set(list, onPopState);
    window.addEventListener("popstate", onPopState);
}

export function stop(list) {
    const onPopState = listeners.get(list);
    if (onPopState) window.removeEventListener("popstate", onPopState);
    listeners.delete(list);
}
