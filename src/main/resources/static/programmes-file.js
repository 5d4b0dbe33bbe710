// Reads a chosen programmes file into the dry run's text box, so it is posted like a pasted one. Without
// JavaScript the file is pasted instead.
document.addEventListener('DOMContentLoaded', function () {
  var input = document.getElementById('upload');
  var text = document.getElementById('text');
  if (!input || !text) {
    return;
  }
  input.addEventListener('change', function () {
    var chosen = input.files && input.files[0];
    if (!chosen) {
      return;
    }
    chosen.text().then(function (content) {
      text.value = content;
    });
  });
});
