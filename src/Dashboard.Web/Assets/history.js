// The follow-up list puts the view it shows into the address bar, so bookmarks, copied links and the back button give
// the same view. Back and forward are Blazor's: it renders the page again for the address and hands the list its values
// (and the rows the server read for them). An external module: the content security policy allows no inline script.
export function show(url) {
    if (url !== location.pathname + location.search) history.pushState(null, "", url);
}
