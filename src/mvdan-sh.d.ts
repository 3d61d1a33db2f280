// mvdan-sh ships no type declarations; orch reads its syntax tree through a narrow,
// locally typed view (src/integrations/shellWritePaths.ts).
declare module 'mvdan-sh' {
  const sh: { syntax: unknown };
  export default sh;
}
