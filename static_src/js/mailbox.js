// Help mailbox: a "print this page" button for the case code and PIN.
// The button is hidden without JavaScript; the page says to write them down anyway.
document.querySelectorAll("[data-mailbox-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () {
    window.print();
  });
});
