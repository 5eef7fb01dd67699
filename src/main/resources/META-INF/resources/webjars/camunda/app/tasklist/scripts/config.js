/*
 * Caxamarca Participa: this file replaces the webapp's own scripts/config.js (the application's classes come
 * before the Camunda webjar on the classpath). The Spanish texts are locales/es.json, written for this project
 * from the en.json of Camunda 7.24.0 (WebappTranslationsTest checks that no key is missing).
 * Based on the config.js of Camunda 7.24.0, Copyright Camunda Services GmbH, Apache License 2.0.
 *
 * Language: Spanish for everybody, whatever the browser's language; English for who asks for it by opening any
 * webapp once with ?lang=en (remembered in this browser, for Tasklist, Cockpit and Admin); ?lang=es goes back.
 * (The webapps pick the browser's first language if it is in availableLocales, otherwise fallbackLocale: so the
 * list holds only the chosen language.)
 */
const IDIOMA = 'participa.idioma';
let idioma = 'es';
try {
  const pedido = new URLSearchParams(window.location.search).get('lang');
  if (pedido === 'es' || pedido === 'en') {
    window.localStorage.setItem(IDIOMA, pedido);
  }
  idioma = window.localStorage.getItem(IDIOMA) === 'en' ? 'en' : 'es';
} catch (e) {
  // no localStorage (private mode of some browsers): Spanish
}
const locales = idioma === 'en'
  ? { availableLocales: ['en'], fallbackLocale: 'en' }
  : { availableLocales: ['es'], fallbackLocale: 'es' };

export default {
  locales,

  // tasks ordered by due date and the forms' messages in Spanish (scripts/participa.js explains both); the
  // engine's error messages and the templates' last English texts in Spanish (Cockpit's scripts/espanol.js)
  customScripts: ['scripts/participa', '../cockpit/scripts/espanol'],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'reclama la tarea seleccionada'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'lleva el foco al primer filtro de la lista'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'lleva el foco a la primera tarea de la lista'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'lleva el foco al primer campo del formulario de la tarea'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'abre el diálogo para iniciar un proceso'
    }
  }
};
