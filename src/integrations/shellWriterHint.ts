// Whether a shell command can write a file at all, by the words it contains: without one
// of the writers (or a `>`), no parse is needed and the command writes nothing orch judges.
// A cheap test on purpose — it only decides whether the real parser runs.
const WRITER_HINT = /[>]|\b(tee|sed|perl|mv|cp|rm|touch|truncate|git|eval|sh|bash|zsh|dash|apply_patch)\b/;

export function mayWrite(command: string): boolean {
  return WRITER_HINT.test(command);
}
