// The planning office's import of the national investment file (/personal/inversiones): the file goes as the body of
// one request (it may be a quarter of a gigabyte), then the page asks every two seconds how far the reading has gone.
(function () {
  'use strict';
  var form = document.getElementById('importar');
  if (!form) { return; }
  var input = document.getElementById('archivo');
  var button = document.getElementById('importar-boton');
  var progress = document.getElementById('progreso');
  var error = document.getElementById('error');
  var csrf = document.getElementById('csrf');
  var miles = new Intl.NumberFormat('es-PE');

  function say(text) { progress.hidden = false; progress.textContent = text; }
  function fail(text) { error.hidden = false; error.textContent = text; button.disabled = false; }

  function follow(id) {
    fetch(form.dataset.status + id, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (s) {
        if (s.status === 'EN_CURSO') {
          say('Leyendo el archivo: ' + miles.format(s.rowsRead) + ' filas leídas, ' + miles.format(s.regionRows)
            + ' de la región.');
          setTimeout(function () { follow(id); }, 2000);
        } else if (s.status === 'TERMINADA') {
          say('Importación terminada: ' + miles.format(s.rowsRead) + ' filas leídas, ' + miles.format(s.regionRows)
            + ' de la región (' + miles.format(s.inserted) + ' nuevas, ' + miles.format(s.updated) + ' cambiadas, '
            + miles.format(s.unchanged) + ' sin cambios, ' + miles.format(s.rejected) + ' rechazadas).');
          setTimeout(function () { window.location.reload(); }, 1500);
        } else {
          progress.hidden = true;
          fail((s.status === 'RECHAZADA' ? 'Archivo rechazado: ' : 'La importación falló: ') + (s.message || ''));
        }
      })
      .catch(function () { setTimeout(function () { follow(id); }, 4000); });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    error.hidden = true;
    var file = input.files[0];
    if (!file) { fail('Elija el archivo del Ministerio (.csv, .zip o .gz).'); return; }
    button.disabled = true;
    say('Enviando ' + file.name + ' (' + miles.format(Math.round(file.size / 1024 / 1024)) + ' MB)…');
    var headers = { 'Content-Type': 'application/octet-stream', 'Accept': 'application/json' };
    if (csrf) { headers[csrf.dataset.header] = csrf.value; }
    fetch(form.dataset.url + '?nombre=' + encodeURIComponent(file.name),
      { method: 'POST', body: file, headers: headers, credentials: 'same-origin' })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (answer) {
        if (!answer.ok) { progress.hidden = true; fail(answer.body.error || 'No se pudo enviar el archivo.'); return; }
        say('Archivo recibido; empieza la lectura…');
        follow(answer.body.id);
      })
      .catch(function () { progress.hidden = true; fail('Se cortó la conexión al enviar el archivo. Vuelva a intentarlo.'); });
  });
})();
