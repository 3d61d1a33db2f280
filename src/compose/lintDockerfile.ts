// What `docker build` rejects before running anything: no FROM, an instruction before
// the first FROM other than ARG, an instruction docker does not know.
import { DockerfileParser, Keyword } from 'dockerfile-ast';

export interface DockerfileProblem {
  /** 1-based. */
  line: number;
  message: string;
}

const KNOWN = new Set<string>(Object.values(Keyword));

export function lintDockerfile(text: string): DockerfileProblem[] {
  const problems: DockerfileProblem[] = [];
  let instructions: ReturnType<ReturnType<typeof DockerfileParser.parse>['getInstructions']>;
  try {
    instructions = DockerfileParser.parse(text).getInstructions();
  } catch (e) {
    return [{ line: 1, message: `cannot be parsed: ${String((e as Error).message ?? e).split('\n')[0]}` }];
  }
  const hasFrom = instructions.some((i) => i.getKeyword() === 'FROM');
  if (!hasFrom)
    problems.push({
      line: instructions[0] ? instructions[0].getRange().start.line + 1 : 1,
      message: 'has no FROM instruction',
    });
  let sawFrom = !hasFrom;
  for (const ins of instructions) {
    const keyword = ins.getKeyword();
    const line = ins.getRange().start.line + 1;
    if (!KNOWN.has(keyword)) {
      problems.push({ line, message: `unknown instruction ${ins.getInstruction()}` });
      continue;
    }
    if (keyword === 'FROM') {
      if (ins.getArguments().length === 0) problems.push({ line, message: 'FROM names no image' });
      sawFrom = true;
    } else if (!sawFrom && keyword !== 'ARG') {
      problems.push({ line, message: `${keyword} before the first FROM (only ARG may come before FROM)` });
      sawFrom = true; // one report is enough; the rest follow from it
    }
    if (keyword === 'ONBUILD') {
      const trigger = (ins as unknown as { getTrigger(): string | null }).getTrigger();
      if (trigger && !KNOWN.has(trigger.toUpperCase()))
        problems.push({ line, message: `unknown instruction ${trigger} after ONBUILD` });
    }
  }
  return problems;
}
