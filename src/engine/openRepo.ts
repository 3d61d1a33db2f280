// Moved to src/git/openRepo.ts (a folder that rules, compose and integrations may import without
// importing the engine); kept so the engine's imports stay as they are.
export * from '../git/openRepo.js';
