/*
 * Caxamarca Participa: what Tasklist needs for the staff of the Regional Government of Cajamarca, loaded through
 * customScripts in config.js (an ES module: Tasklist imports it at start).
 *
 * 1. Tasks ordered by due date. Tasklist sends its own sort order with every list request ("created",
 *    newest first, unless the address says otherwise), and that order replaces the one stored in the filters.
 *    When the address holds no sort order this script adds "due date, earliest first", so every filter opens
 *    with the most urgent task on top; a sort order chosen by the user in the list stays as chosen.
 * 2. Form messages in Spanish. The forms are drawn by form-js, whose validation messages and few labels are
 *    English only; they are translated here as they appear (nothing is changed for who chose English).
 * 3. The application's own refusals readable. When the server refuses a form (e.g. accrued spending above the
 *    PIM), Tasklist shows the engine's whole chain ("Cannot submit task form ...: ENGINE-03051 There was an
 *    exception while invoking the TaskListener. Message: '...'"); only the application's sentence is kept.
 */
const IDIOMA = 'participa.idioma';
const ORDEN = JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]);

function ingles() {
  try {
    return window.localStorage.getItem(IDIOMA) === 'en';
  } catch (e) {
    return false;
  }
}

export function conOrdenPorVencimiento(hash) {
  if (!hash || !hash.startsWith('#/') || hash.startsWith('#/login')) {
    return null;
  }
  const i = hash.indexOf('?');
  const ruta = i < 0 ? hash : hash.slice(0, i);
  if (ruta !== '#/') {
    return null;
  }
  const parametros = new URLSearchParams(i < 0 ? '' : hash.slice(i + 1));
  if (parametros.has('sorting')) {
    return null;
  }
  parametros.set('sorting', ORDEN);
  return ruta + '?' + parametros.toString();
}

function ordenarPorVencimiento() {
  const nuevo = conOrdenPorVencimiento(window.location.hash);
  if (nuevo) {
    window.location.replace(window.location.pathname + window.location.search + nuevo);
  }
}

const MENSAJES = [
  [/^Field is required\.?$/, () => 'Este campo es obligatorio.'],
  [/^Field must have minimum value of (.+?)\.?$/, (m) => `El valor mínimo es ${m[1]}.`],
  [/^Field must have maximum value of (.+?)\.?$/, (m) => `El valor máximo es ${m[1]}.`],
  [/^Field must have minimum length of (.+?)\.?$/, (m) => `Escriba al menos ${m[1]} caracteres.`],
  [/^Field must have maximum length of (.+?)\.?$/, (m) => `Escriba como máximo ${m[1]} caracteres.`],
  [/^Field must match pattern .*$/, () => 'El formato no es válido.'],
  [/^Field must be a valid email\.?$/, () => 'Escriba un correo electrónico válido (nombre@dominio.pe).'],
  [/^Field must be a valid\s+international phone number.*$/, () => 'Escriba un teléfono válido con su código de país (+51...).'],
  [/^No results$/, () => 'Sin resultados'],
];
const TEXTOS = { Select: 'Seleccione', Search: 'Buscar' };

/** The application's sentence inside the engine's error chain, or null when the text is not such a chain. */
export function mensajeDelServidor(texto) {
  const t = texto || '';
  if (!/ENGINE-\d+/.test(t)) {
    return null;
  }
  const m = t.match(/(?:TaskListener|JavaDelegate|ExecutionListener|delegate):\s*([^']+?)'?\s*$/);
  return m ? m[1].trim() : null;
}

export function traducir(texto) {
  const limpio = (texto || '').trim();
  for (const [patron, traduccion] of MENSAJES) {
    const m = limpio.match(patron);
    if (m) {
      return traduccion(m);
    }
  }
  return null;
}

function traducirFormularios(raiz) {
  if (!raiz.querySelectorAll) {
    return;
  }
  raiz.querySelectorAll('.notifications *').forEach((el) => {
    el.childNodes.forEach((n) => {
      const t = n.nodeType === Node.TEXT_NODE ? mensajeDelServidor(n.nodeValue) : null;
      if (t) {
        n.nodeValue = t;
      }
    });
  });
  if (ingles()) {
    return;
  }
  raiz.querySelectorAll('.fjs-form-field-error li, .fjs-select-dropdown, .fjs-taglist-dropdown').forEach((el) => {
    el.childNodes.forEach((n) => {
      if (n.nodeType === Node.TEXT_NODE) {
        const t = traducir(n.nodeValue);
        if (t && t !== n.nodeValue) {
          n.nodeValue = t;
        }
      }
    });
  });
  raiz.querySelectorAll('.fjs-container [placeholder]').forEach((el) => {
    const t = TEXTOS[el.getAttribute('placeholder')];
    if (t) {
      el.setAttribute('placeholder', t);
    }
  });
  // (text nodes are changed in place: form-js keeps them and writes them again when it redraws)
  raiz.querySelectorAll('.fjs-container .fjs-select-display').forEach((el) => {
    el.childNodes.forEach((n) => {
      const t = n.nodeType === Node.TEXT_NODE ? TEXTOS[(n.nodeValue || '').trim()] : null;
      if (t) {
        n.nodeValue = t;
      }
    });
  });
}

ordenarPorVencimiento();
window.addEventListener('hashchange', ordenarPorVencimiento);
new MutationObserver(() => traducirFormularios(document.body))
  .observe(document.documentElement, { childList: true, subtree: true, characterData: true });
