/** HTTP over `fetch`: what a failed request says, which failures are worth another attempt, bounded body reads. */
export * from './http-transport.js';
