/*
 * Caxamarca Participa: the last English texts of Cockpit, Tasklist and Admin in Spanish (issue 19), loaded through
 * customScripts in each app's config.js (an ES module; Tasklist and Admin load this same file, from Cockpit's
 * folder). Nothing is changed for who chose English (?lang=en, see config.js).
 *
 * Three sources of English are not in locales/es.json, so they are translated here as they appear on the page
 * (a MutationObserver replaces known English texts, in text nodes and in titles and placeholders):
 * 1. dmn-js, which draws the decision tables in Cockpit's decision pages, has its labels hard-coded and its
 *    translation service is not reachable from the configuration ("Hit policy:", "Unique", "When", "Then",
 *    "And", "Annotations", "View DRD"...);
 * 2. a few texts written into the webapps' templates instead of taken from the translations ("Actions" of the
 *    variables table, "Loading diagram", "Message is null.", "Select all"...);
 * 3. the engine's error messages, which the REST API returns in English and the webapps show as they come in
 *    their notifications (e.g. "The user with id 'x' does not have 'READ' permission on resource 'y' of type
 *    'ProcessDefinition'."): the common ones staff meet are rewritten in Spanish.
 * WebappsSpanishBrowserIT visits the webapps' screens and fails on any English left.
 */
const IDIOMA = 'participa.idioma';

function ingles() {
  try {
    return window.localStorage.getItem(IDIOMA) === 'en';
  } catch (e) {
    return false;
  }
}

/** Whole texts (trimmed) replaced by their Spanish. */
export const TEXTOS = {
  // dmn-js: decision table viewer
  'Hit policy:': 'Política de resultado:',
  'Hit Policy:': 'Política de resultado:',
  Unique: 'Única',
  First: 'Primera',
  Priority: 'Prioridad',
  Any: 'Cualquiera',
  Collect: 'Recolectar',
  'Collect (Sum)': 'Recolectar (suma)',
  'Collect (Min)': 'Recolectar (mínimo)',
  'Collect (Max)': 'Recolectar (máximo)',
  'Collect (Count)': 'Recolectar (cantidad)',
  'Rule order': 'Orden de reglas',
  'Output order': 'Orden de salidas',
  'No overlap is possible and all rules are disjoint. Only a single rule can be matched':
    'Las reglas no se superponen: solo una regla puede cumplirse',
  'Rules may overlap. The first matching rule will be chosen':
    'Las reglas pueden superponerse: se elige la primera que se cumple',
  'Rules may overlap. The one with the highest priority will be chosen':
    'Las reglas pueden superponerse: se elige la de mayor prioridad',
  'Rules may overlap. Their output have to match':
    'Las reglas pueden superponerse: sus resultados deben coincidir',
  'Collects the values of all matching rules': 'Reúne los resultados de todas las reglas que se cumplen',
  'Collects the values of all matching rules and sums up to a single value':
    'Reúne los resultados de todas las reglas que se cumplen y los suma',
  'Collects the values of all matching rules and uses the lowest value':
    'Reúne los resultados de todas las reglas que se cumplen y toma el menor',
  'Collects the values of all matching rules and uses the highest value':
    'Reúne los resultados de todas las reglas que se cumplen y toma el mayor',
  'Collects the values of all matching rules and counts the number of them':
    'Cuenta las reglas que se cumplen',
  'Collects the values of all matching rules in rule order':
    'Reúne los resultados de todas las reglas que se cumplen, en el orden de las reglas',
  'Collects the values of all matching rules in output order':
    'Reúne los resultados de todas las reglas que se cumplen, en el orden de los valores de salida',
  When: 'Cuando',
  And: 'Y',
  Then: 'Entonces',
  Annotations: 'Anotaciones',
  'View DRD': 'Ver DRD',
  'Variable name:': 'Nombre de la variable:',
  'Variable type:': 'Tipo de la variable:',
  'Expression language:': 'Lenguaje de la expresión:',
  'Expression language': 'Lenguaje de la expresión',
  'Decision name: ': 'Nombre de la decisión: ',
  'Output label': 'Etiqueta de salida',
  'Output name': 'Nombre de salida',
  Input: 'Entrada',
  Output: 'Salida',
  // the webapps' templates
  Actions: 'Acciones',
  Download: 'Descargar',
  Upload: 'Subir',
  'Loading diagram': 'Cargando el diagrama',
  'Message is null.': 'Sin mensaje.',
  'Invalid Date Value.': 'Fecha no válida.',
  'Select all': 'Seleccionar todo',
  'Unselect all': 'Quitar la selección',
  'Camunda Platform': 'Camunda',
};

/** Titles (tooltips) of dmn-js that start with a known English text followed by the element's name. */
const PREFIJOS = [
  ['Input label: ', 'Etiqueta de entrada: '],
  ['Output label: ', 'Etiqueta de salida: '],
  ['Input expression: ', 'Expresión de entrada: '],
  ['Output name: ', 'Nombre de salida: '],
  ['Decision name: ', 'Nombre de la decisión: '],
];

const PERMISOS = {
  ALL: 'todos los permisos',
  READ: 'leer',
  UPDATE: 'modificar',
  CREATE: 'crear',
  DELETE: 'eliminar',
  ACCESS: 'acceder',
  READ_TASK: 'leer las tareas',
  UPDATE_TASK: 'modificar las tareas',
  TASK_WORK: 'trabajar en las tareas',
  TASK_ASSIGN: 'asignar las tareas',
  CREATE_INSTANCE: 'iniciar instancias',
  READ_INSTANCE: 'leer las instancias',
  UPDATE_INSTANCE: 'modificar las instancias',
  DELETE_INSTANCE: 'eliminar las instancias',
  MIGRATE_INSTANCE: 'migrar las instancias',
  RETRY_JOB: 'reintentar los trabajos',
  SUSPEND: 'suspender',
  SUSPEND_INSTANCE: 'suspender las instancias',
  UPDATE_INSTANCE_VARIABLE: 'modificar las variables de las instancias',
  UPDATE_TASK_VARIABLE: 'modificar las variables de las tareas',
  READ_INSTANCE_VARIABLE: 'leer las variables de las instancias',
  READ_TASK_VARIABLE: 'leer las variables de las tareas',
  READ_HISTORY: 'leer el historial',
  READ_HISTORY_VARIABLE: 'leer las variables del historial',
  DELETE_HISTORY: 'eliminar el historial',
  UPDATE_HISTORY: 'modificar el historial',
};

const RECURSOS = {
  Application: 'aplicación',
  User: 'usuario',
  Group: 'grupo',
  'Group membership': 'membresía de grupo',
  Authorization: 'autorización',
  Filter: 'filtro',
  ProcessDefinition: 'definición de proceso',
  Task: 'tarea',
  ProcessInstance: 'instancia de proceso',
  Deployment: 'despliegue',
  DecisionDefinition: 'definición de decisión',
  DecisionRequirementsDefinition: 'definición de requisitos de decisión',
  Tenant: 'inquilino',
  'Tenant membership': 'membresía de inquilino',
  Batch: 'lote',
  Report: 'informe',
  Dashboard: 'tablero',
  OperationLogCategory: 'categoría del registro de operaciones',
  HistoricTask: 'tarea del historial',
  HistoricProcessInstance: 'instancia de proceso del historial',
  System: 'sistema',
};

function permiso(p) {
  return PERMISOS[p] ? `${PERMISOS[p]} (${p})` : p;
}

function recurso(tipo) {
  return RECURSOS[tipo] || tipo;
}

/** The missing authorizations of the engine's message ("'READ' permission on resource 'x' of type 'y'"), in Spanish. */
function faltantes(texto) {
  return texto
    .replace(/'([A-Z_]+)' permission on resource '\*' of type '([^']*)'/g,
      (m, p, tipo) => `el permiso de ${permiso(p)} sobre todo recurso de tipo ${recurso(tipo)}`)
    .replace(/'([A-Z_]+)' permission on resource '([^']*)' of type '([^']*)'/g,
      (m, p, id, tipo) => `el permiso de ${permiso(p)} sobre '${id}' (${recurso(tipo)})`)
    .replace(/'([A-Z_]+)' permission on resource '([^']*)'/g,
      (m, p, tipo) => `el permiso de ${permiso(p)} sobre todo recurso de tipo ${recurso(tipo)}`)
    .split(' or el permiso ').join(' o el permiso ');
}

/** The engine's (and the webapps') English messages that staff meet, in Spanish: [pattern, replacement]. */
export const MENSAJES = [
  [/The user with id '([^']*)' does not have one of the following permissions: (.*?)(\.?)$/,
    (m, u, lista) => `El usuario '${u}' no tiene ninguno de estos permisos: ${faltantes(lista)}.`],
  [/The user with id '([^']*)' does not have (.*?)(\.?)$/,
    (m, u, lista) => `El usuario '${u}' no tiene ${faltantes(lista)}.`],
  [/Cannot find task with id ([^\s:.]+)\.?/, (m, id) => `No existe la tarea ${id} (quizá ya fue completada).`],
  [/No matching (?:process )?definition with id ([^\s.]+)\.?/, (m, id) => `No existe la definición ${id}.`],
  [/Process instance with id ([^\s]+) does not exist\.?/, (m, id) => `No existe la instancia de proceso ${id}.`],
  [/Cannot claim task '([^']*)': task is already claimed by '([^']*)'\.?/,
    (m, t, u) => `No se puede reclamar la tarea: ya la reclamó '${u}'.`],
  [/The task has already been claimed\.?/, () => 'La tarea ya fue reclamada por otra persona.'],
  [/^Request failed with status code (\d+)$/, (m, c) => `La solicitud falló (código ${c}).`],
  [/^Unauthorized$/, () => 'No autorizado'],
  [/^Forbidden$/, () => 'Prohibido'],
  [/^Not Found$/, () => 'No encontrado'],
  [/^Internal Server Error$/, () => 'Error interno del servidor'],
];

/** The Spanish of an English text, or null when it is not one this script knows. */
export function traducir(texto) {
  if (texto == null) {
    return null;
  }
  const limpio = texto.trim();
  if (!limpio) {
    return null;
  }
  if (Object.prototype.hasOwnProperty.call(TEXTOS, limpio)) {
    return texto.replace(limpio, TEXTOS[limpio]);
  }
  for (const [ingles, espanol] of PREFIJOS) {
    if (limpio.startsWith(ingles)) {
      return espanol + limpio.slice(ingles.length);
    }
  }
  let resultado = texto;
  for (const [patron, traduccion] of MENSAJES) {
    if (patron.test(resultado)) {
      resultado = resultado.replace(patron, traduccion);
    }
  }
  return resultado === texto ? null : resultado;
}

const ATRIBUTOS = ['title', 'placeholder', 'aria-label'];

function traducirNodo(nodo) {
  if (nodo.nodeType === Node.TEXT_NODE) {
    const padre = nodo.parentNode;
    if (padre && (padre.nodeName === 'SCRIPT' || padre.nodeName === 'STYLE' || padre.nodeName === 'TEXTAREA'
      || (padre.closest && padre.closest('[contenteditable="true"], .CodeMirror, .ace_editor')))) {
      return;
    }
    const t = traducir(nodo.nodeValue);
    if (t !== null && t !== nodo.nodeValue) {
      nodo.nodeValue = t;
    }
    return;
  }
  if (nodo.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  const elementos = [nodo, ...nodo.querySelectorAll('[title], [placeholder], [aria-label]')];
  elementos.forEach((el) => {
    ATRIBUTOS.forEach((a) => {
      const v = el.getAttribute && el.getAttribute(a);
      const t = v ? traducir(v) : null;
      if (t !== null && t !== v) {
        el.setAttribute(a, t);
      }
    });
  });
  const caminante = document.createTreeWalker(nodo, NodeFilter.SHOW_TEXT);
  for (let n = caminante.nextNode(); n; n = caminante.nextNode()) {
    traducirNodo(n);
  }
}

if (typeof window !== 'undefined' && typeof document !== 'undefined' && !window.participaEspanol && !ingles()) {
  window.participaEspanol = true;
  const observador = new MutationObserver((cambios) => {
    cambios.forEach((c) => {
      if (c.type === 'characterData') {
        traducirNodo(c.target);
      } else if (c.type === 'attributes') {
        const v = c.target.getAttribute(c.attributeName);
        const t = v ? traducir(v) : null;
        if (t !== null && t !== v) {
          c.target.setAttribute(c.attributeName, t);
        }
      } else {
        c.addedNodes.forEach(traducirNodo);
      }
    });
  });
  const empezar = () => {
    traducirNodo(document.body);
    observador.observe(document.body, {
      childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ATRIBUTOS,
    });
  };
  if (document.body) {
    empezar();
  } else {
    document.addEventListener('DOMContentLoaded', empezar);
  }
}
