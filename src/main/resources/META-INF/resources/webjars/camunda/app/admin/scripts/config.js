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

  // the English that es.json cannot reach (dmn-js's decision tables, a few texts of the templates, the engine's
  // error messages) in Spanish: cockpit/scripts/espanol.js explains it
  customScripts: ['../cockpit/scripts/espanol']
};
