/** Small pure text helpers shared by validators and commands: "did you mean" suggestions. */
export * from './closest-match.js';
