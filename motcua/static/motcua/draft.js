/* Nộp trực tuyến (portal/draft.html): what the citizen types is saved as they type, and each file is uploaded in
   pieces over tus 1.0 (docs/uploads.md). A dropped connection costs only the piece in flight: the script asks the
   server how far it got (HEAD) and goes on from there; a reloaded page goes on too when the same file is chosen
   again, because the upload's address is kept in localStorage under draft, line, file name and size.

   Typing is kept in localStorage at once, then sent to the server 800 ms after the last key, and sent at once
   (sendBeacon) when the page is hidden or left, so Back pressed right after typing loses nothing. The local copy
   remembers which server copy it started from: when the page opens on that same server copy and the local values
   differ (typed offline, the tab closed before the network came back), the citizen is asked whether to restore
   them. A server copy saved since (another device, or the beacon got through) wins without asking. */
(function () {
  "use strict";
  const form = document.getElementById("eform");
  const state = document.getElementById("save-state");
  const fee = document.getElementById("fee");
  const token = form.querySelector("[name=csrfmiddlewaretoken]").value;
  const backupKey = "motcua-draft-" + form.dataset.draft;
  const PIECE = 256 * 1024;
  const ATTEMPTS = 10;
  const TUS = {"Tus-Resumable": "1.0.0", "X-CSRFToken": token};
  let timer = null, dirty = false, serverCopy = form.dataset.savedAt;

  function values() {
    const kept = {};
    for (const [name, value] of new FormData(form)) {
      if (name !== "csrfmiddlewaretoken" && !(value instanceof File)) kept[name] = value;
    }
    return kept;
  }
  function vietnamTime(moment) {  // "14:05 07/12/2026", in Vietnam time whatever the device's zone
    const parts = Object.fromEntries(new Intl.DateTimeFormat("en-GB", {timeZone: "Asia/Ho_Chi_Minh", hour: "2-digit",
      minute: "2-digit", day: "2-digit", month: "2-digit", year: "numeric", hourCycle: "h23"})
      .formatToParts(moment).map(part => [part.type, part.value]));
    return `${parts.hour}:${parts.minute} ${parts.day}/${parts.month}/${parts.year}`;
  }
  const same = (a, b) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

  function keepLocally() {
    localStorage.setItem(backupKey, JSON.stringify({base: serverCopy, at: Date.now(), values: values()}));
  }

  function save() {
    clearTimeout(timer);
    keepLocally();
    fetch(form.dataset.autosave, {method: "POST", body: new FormData(form), headers: {"X-CSRFToken": token}})
      .then(r => { if (r.redirected) throw signedOut; if (!r.ok) throw r; return r.json(); })
      .then(answer => {
        dirty = false;
        serverCopy = answer.saved_at;
        keepLocally();  // now based on the copy the server holds
        state.textContent = "Đã lưu lúc " + vietnamTime(new Date());
        if (fee) fee.textContent = answer.fee;
      })
      .catch(error => {
        if (error !== signedOut) {
          state.textContent = "Mất kết nối: thông tin vẫn được giữ trên máy này và sẽ lưu khi có mạng.";
          return;
        }
        const again = document.createElement("a");  // the page again: the login page, then back here
        again.href = window.location.href;
        again.textContent = "đăng nhập lại";
        state.replaceChildren("Phiên đăng nhập đã hết hạn: thông tin vẫn được giữ trên máy này. Hãy ", again,
                              " để lưu tiếp; trang sẽ hỏi khôi phục nội dung này.");
      });
  }
  const signedOut = new Error("signed out");  // the autosave was sent to the login page (session_limits.py)

  function flush() {  // the page is going away: hand what is unsaved to the browser to deliver
    if (!dirty) return;
    clearTimeout(timer);
    keepLocally();
    if (navigator.sendBeacon && navigator.sendBeacon(form.dataset.autosave, new FormData(form))) dirty = false;
  }

  form.addEventListener("input", () => {
    dirty = true;
    keepLocally();
    clearTimeout(timer);
    timer = setTimeout(save, 800);
  });
  window.addEventListener("online", () => { if (dirty) save(); });
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") flush(); });
  form.addEventListener("submit", () => { dirty = false; localStorage.removeItem(backupKey); });

  function fill(kept) {
    for (const element of form.elements) {
      if (!element.name || element.type === "file" || element.name === "csrfmiddlewaretoken") continue;
      if (element.type === "radio") element.checked = kept[element.name] === element.value;
      else if (element.type === "checkbox") element.checked = element.name in kept;
      else if (element.name in kept) element.value = kept[element.name];
    }
  }

  function offerRestore() {
    let backup = null;
    try { backup = JSON.parse(localStorage.getItem(backupKey)); } catch (e) { backup = null; }
    if (!backup || !backup.values) return;
    if (backup.base !== serverCopy || same(backup.values, values())) {  // the server's copy is as new or newer
      keepLocally();
      return;
    }
    const box = document.getElementById("restore");
    box.querySelector(".when").textContent = vietnamTime(new Date(backup.at));
    box.hidden = false;
    box.querySelector("button.primary").addEventListener("click", () => {
      fill(backup.values);
      box.hidden = true;
      dirty = true;
      save();
    });
    box.querySelector("button.secondary").addEventListener("click", () => {
      box.hidden = true;
      keepLocally();
    });
  }
  offerRestore();

  function progress(line) {
    const bar = line.querySelector("progress"), note = line.querySelector(".upload-state");
    return {
      at(done, total) {
        bar.hidden = false; bar.value = 100 * done / total; note.classList.remove("error");
        note.textContent = "Đang tải lên… " + Math.floor(100 * done / total) + "%";
      },
      waiting() { note.textContent = "Mất kết nối, đang thử lại: phần đã gửi vẫn được giữ trên máy chủ."; },
      done(name) { bar.hidden = false; bar.value = 100; note.classList.remove("error"); note.textContent = "Đã tải lên: " + name; },
      failed(message) { bar.hidden = true; note.textContent = message; note.classList.add("error"); },
    };
  }

  class Refused extends Error {}  // the server said no: sending again will not help

  const SIGNED_OUT = "Phiên đăng nhập đã hết hạn: hãy đăng nhập lại rồi chọn lại tệp để tải tiếp.";

  async function refusal(response) {
    if (response.redirected) return new Refused(SIGNED_OUT);  // sent to the login page
    const answer = await response.json().catch(() => ({}));
    return new Refused(answer.error || "Không tải lên được (lỗi " + response.status + ").");
  }

  const pause = ms => new Promise(resolve => setTimeout(resolve, ms));
  const base64 = text => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

  async function open(line, file) {
    const response = await fetch(line.dataset.resumable, {method: "POST", headers: {...TUS,
      "Upload-Length": String(file.size),
      "Upload-Metadata": "filename " + base64(file.name) + ",filetype " + base64(file.type)}});
    if (response.status !== 201) throw await refusal(response);
    return response.headers.get("Location");
  }

  async function serverOffset(url) {  // null when the server no longer holds this upload
    const response = await fetch(url, {method: "HEAD", headers: TUS, cache: "no-store"});
    if (response.status === 404) return null;
    if (response.redirected) throw new Refused(SIGNED_OUT);
    if (!response.ok) throw new Refused("Không tải lên được (lỗi " + response.status + ").");
    return Number(response.headers.get("Upload-Offset"));
  }

  async function upload(line, file) {
    const show = progress(line);
    const key = ["motcua-upload", form.dataset.draft, line.dataset.line, file.name, file.size].join("|");
    let url = localStorage.getItem(key), offset = null, failures = 0;
    while (line.file === file) {  // another file chosen for the line stops this one
      try {
        if (url && offset === null) offset = await serverOffset(url);
        if (!url || offset === null) {
          url = await open(line, file); offset = 0;
          localStorage.setItem(key, url);
        }
        show.at(offset, file.size);
        if (offset === file.size) break;
        const response = await fetch(url, {method: "PATCH", body: file.slice(offset, offset + PIECE), headers: {
          ...TUS, "Upload-Offset": String(offset), "Content-Type": "application/offset+octet-stream"}});
        if (response.status === 204) {
          offset = Number(response.headers.get("Upload-Offset")); failures = 0;
        } else if (response.status === 409) {
          offset = null;
        } else if (response.status === 404) {
          url = null;
        } else {
          throw await refusal(response);
        }
      } catch (error) {
        if (error instanceof Refused) {
          if (error.message !== SIGNED_OUT) localStorage.removeItem(key);  // signed in again, it can go on
          show.failed(error.message);
          return;
        }
        failures += 1;  // the network: wait, ask the server how far it got, go on from there
        if (failures > ATTEMPTS) {
          show.failed("Mất kết nối khi tải lên. Khi có mạng, chọn lại tệp này để tải tiếp phần còn lại.");
          return;
        }
        show.waiting();
        await pause(Math.min(15000, 250 * 2 ** failures));
        offset = null;
      }
    }
    if (line.file !== file) return;
    localStorage.removeItem(key);
    show.done(file.name);
  }

  function fromStore(line, storedId) {
    const show = progress(line), body = new FormData();
    body.append("from_store", storedId);
    show.at(0, 1);
    fetch(line.dataset.upload, {method: "POST", body: body, headers: {"X-CSRFToken": token}})
      .then(r => r.json().then(answer => r.ok ? show.done(answer.name) : show.failed(answer.error || "Không dùng được giấy tờ này.")))
      .catch(() => show.failed("Mất kết nối: hãy chọn lại khi có mạng."));
  }

  form.querySelectorAll(".doc-line").forEach(line => {
    const chooser = line.querySelector("input[type=file]");
    if (!chooser) return;  // the tờ khai filled in on the page: nothing to upload
    chooser.addEventListener("change", e => {
      if (!e.target.files.length) return;
      line.file = e.target.files[0];
      upload(line, line.file);
    });
    const pick = line.querySelector(".from-store");
    if (pick) pick.addEventListener("change", () => {
      if (!pick.value) return;
      line.file = null;
      fromStore(line, pick.value);
    });
  });
})();
