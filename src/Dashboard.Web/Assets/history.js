// The follow-up list puts the view it shows into the address bar, so the back button, bookmarks and copied links give
// the same view. A history entry like the framework's own (state null): going back re-renders the page for that address.
export function show(url) {
    if (url !== location.pathname + location.search) history.pushState(null, "", url);
}
