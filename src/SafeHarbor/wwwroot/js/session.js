// The page session ends on the server (Sessions.cs: the bureau's idle timeout and absolute limit). The layout says
// how many seconds are left (body data-session-seconds); two minutes before, a dialog offers 继续, which renews the
// session (POST /Account/KeepAlive), or 退出. When the time is up the page is asked again: the server sends it to the
// sign-in page with 会话已超时 unless another tab kept the session alive.
(function () {
    const left = Number.parseInt(document.body.dataset.sessionSeconds, 10);
    const dialog = document.getElementById("session-warning");
    if (!Number.isFinite(left) || !dialog) { return; }
    const warnBeforeSeconds = 120;
    const modal = bootstrap.Modal.getOrCreateInstance(dialog);
    const form = document.getElementById("session-keep-alive");
    let warnTimer = 0;
    let endTimer = 0;

    function ended() {
        window.location.assign(window.location.href);
    }

    function schedule(seconds) {
        clearTimeout(warnTimer);
        clearTimeout(endTimer);
        warnTimer = setTimeout(function () { modal.show(); }, Math.max(0, seconds - warnBeforeSeconds) * 1000);
        endTimer = setTimeout(ended, seconds * 1000);
    }

    dialog.querySelector("[data-session-continue]").addEventListener("click", async function () {
        try {
            const response = await fetch(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin" });
            const answer = response.ok && !response.redirected ? await response.json() : null;
            if (answer && answer.secondsLeft > 0) {
                modal.hide();
                schedule(answer.secondsLeft);
                return;
            }
        } catch (e) {
            // A network failure: the page is asked again below and the server decides.
        }
        ended();
    });
    schedule(left);
})();
