// A form with data-confirm (e.g. 撤销) asks once more before it is sent. Registered for the capture phase, so a
// cancelled submit never reaches the handler below, which would mark the form as sent and disable its buttons.
document.addEventListener("submit", function (event) {
    const form = event.target;
    if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
        event.preventDefault();
        event.stopImmediatePropagation();
    }
}, true);
// A form submits once: the first submit disables its buttons until the page answers.
document.addEventListener("submit", function (event) {
    const form = event.target;
    if (form.dataset.submitted === "true") {
        event.preventDefault();
        return;
    }
    form.dataset.submitted = "true";
    form.setAttribute("aria-busy", "true");
    // Disabled after the browser has taken the form's data, so the clicked button still counts.
    setTimeout(function () {
        form.querySelectorAll("button[type=submit], input[type=submit]").forEach(function (b) { b.disabled = true; });
    }, 0);
});
// Coming back to a page from the history cache re-enables its forms.
window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-submitted]").forEach(function (form) {
        delete form.dataset.submitted;
        form.removeAttribute("aria-busy");
        form.querySelectorAll("button[type=submit], input[type=submit]").forEach(function (b) { b.disabled = false; });
    });
});
// htmx sends the antiforgery token with every request it makes.
document.addEventListener("htmx:configRequest", function (event) {
    const token = document.querySelector("input[name=__RequestVerificationToken]");
    if (token) { event.detail.headers["RequestVerificationToken"] = token.value; }
});
// A 打印 button (data-print-page) prints the page; the print style leaves the navigation out.
document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print-page]")) { window.print(); }
});
