// Evidence upload with progress for each card of _EvidenceUpload.cshtml (data-upload-url), bound once however often
// the partial (and with it this script) appears on a page.
document.querySelectorAll("[data-upload-url]:not([data-upload-bound])").forEach(function (card) {
    card.dataset.uploadBound = "true";
    const file = card.querySelector("#evidence-file");
    const button = card.querySelector("#evidence-send");
    const progress = card.querySelector("#evidence-progress");
    const message = card.querySelector("#evidence-message");
    button.addEventListener("click", function () {
        if (!file.files.length) { message.textContent = "请先选择文件。"; return; }
        const data = new FormData();
        data.append("description", card.querySelector("#evidence-description").value);
        data.append("file", file.files[0]);
        const xhr = new XMLHttpRequest();
        xhr.open("POST", card.dataset.uploadUrl);
        xhr.setRequestHeader("RequestVerificationToken", document.querySelector("input[name=__RequestVerificationToken]").value);
        progress.classList.remove("d-none");
        button.disabled = true;
        xhr.upload.onprogress = function (e) { if (e.lengthComputable) { progress.value = Math.round(e.loaded * 100 / e.total); message.textContent = "已上传 " + progress.value + "%"; } };
        xhr.onload = function () {
            button.disabled = false;
            let body = {};
            try { body = JSON.parse(xhr.responseText); } catch (e) { }
            if (xhr.status >= 200 && xhr.status < 300) {
                message.textContent = "上传成功：" + body.fileName;
                // The upload is a recorded step: the page's forms now act on the new version of the case.
                document.querySelectorAll("input[name=Version]").forEach(function (v) { v.value = body.version; });
                const li = document.createElement("li");
                li.textContent = body.fileName + "（" + (body.size / 1024).toFixed(1) + " KB，SM3 " + body.sm3.substring(0, 16) + "…）";
                card.querySelector("#evidence-list").appendChild(li);
                file.value = "";
            } else {
                message.textContent = "上传失败：" + (body.error || ("服务器返回 " + xhr.status));
            }
        };
        xhr.onerror = function () { button.disabled = false; message.textContent = "上传失败：网络错误，请重试。"; };
        xhr.send(data);
    });
});
