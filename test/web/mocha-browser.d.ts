// mocha's browser build: it defines the global `mocha` (typed by @types/mocha's BrowserMocha).
declare module 'mocha/mocha.js';
