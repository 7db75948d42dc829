/* Registration's code page (accounts/register_confirm.html): "Gửi lại mã" counts down the seconds until a new code
   may be sent (data-wait, from the server), then is enabled. */
document.querySelectorAll("button.resend[data-wait]").forEach(function (button) {
  var left = parseInt(button.dataset.wait, 10) || 0;
  if (!left) return;
  var timer = setInterval(function () {
    left -= 1;
    if (left > 0) { button.textContent = "Gửi lại mã (sau " + left + " giây)"; return; }
    clearInterval(timer); button.disabled = false; button.textContent = "Gửi lại mã";
  }, 1000);
});
