/* "Copy link" of the share row: shown only where the browser can copy. */
(function () {
  "use strict";
  if (!navigator.clipboard || !window.isSecureContext) return;
  document.querySelectorAll("[data-share-copy]").forEach(function (button) {
    var status = button.closest(".share").querySelector(".share__status");
    function say(attribute) {
      if (status) status.textContent = button.getAttribute(attribute);
    }
    button.closest("li").hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-share-copy")).then(
        function () { say("data-share-copied"); },
        function () { say("data-share-failed"); }
      );
    });
  });
})();
