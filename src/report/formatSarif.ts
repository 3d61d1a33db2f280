// SARIF 2.1.0 for code-scanning uploads: one run, orch's rules as the driver's rule
// metadata, one result per finding located in the repository through %SRCROOT%.
import type { Finding, Severity } from '../types.js';
import type { Report } from './report.js';

export interface SarifRuleMeta {
  id: string;
  /** One line: becomes shortDescription. */
  summary: string;
  /** The `orch explain` text: its first paragraph becomes fullDescription, all of it help. */
  docs: string;
  /** The severity in force for this run; SARIF's own default (warning) when absent. */
  severity?: Severity | 'off';
}

const SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

export function formatSarif(report: Report, rules: SarifRuleMeta[], { toolVersion }: { toolVersion: string }): string {
  const descriptors: Record<string, unknown>[] = [];
  const indexOf = new Map<string, number>();
  const addRule = (meta: SarifRuleMeta) => {
    if (indexOf.has(meta.id)) return;
    indexOf.set(meta.id, descriptors.length);
    descriptors.push(descriptor(meta));
  };
  for (const meta of rules) addRule(meta);
  // A result's ruleIndex must point into driver.rules, so a rule the caller gave no
  // metadata for (status-parse, say) still gets a minimal descriptor.
  for (const f of report.findings) addRule({ id: f.rule, summary: f.rule, docs: '' });

  const run: Record<string, unknown> = {
    tool: {
      driver: { name: 'orchguard', version: toolVersion, semanticVersion: toolVersion, rules: descriptors },
    },
    columnKind: 'unicodeCodePoints',
    results: report.findings.map((f) => result(f, indexOf.get(f.rule) as number)),
    properties: runProperties(report),
  };
  return `${JSON.stringify({ $schema: SCHEMA_URI, version: '2.1.0', runs: [run] }, null, 2)}\n`;
}

function descriptor(meta: SarifRuleMeta): Record<string, unknown> {
  const docs = meta.docs.trim();
  const summary = meta.summary.trim() || meta.id;
  const firstParagraph = docs.split(/\r?\n\s*\r?\n/)[0]?.trim() || summary;
  const d: Record<string, unknown> = {
    id: meta.id,
    shortDescription: { text: summary },
    fullDescription: { text: firstParagraph },
    help: { text: docs || summary },
  };
  if (meta.severity === 'off') d.defaultConfiguration = { enabled: false };
  else d.defaultConfiguration = { level: meta.severity ?? 'warning' };
  return d;
}

function result(f: Finding, ruleIndex: number): Record<string, unknown> {
  const r: Record<string, unknown> = {
    ruleId: f.rule,
    ruleIndex,
    level: f.severity,
    message: { text: f.fix ? `${f.message}\nFix: ${f.fix}` : f.message },
  };
  if (f.path !== null) {
    const physicalLocation: Record<string, unknown> = {
      artifactLocation: { uri: toUri(f.path), uriBaseId: '%SRCROOT%' },
    };
    if (f.line !== undefined && f.line >= 1) physicalLocation.region = { startLine: f.line };
    r.locations = [{ physicalLocation }];
  }
  const props: Record<string, unknown> = {};
  if (f.commit !== undefined) props.commit = f.commit;
  if (f.holder !== undefined) props.holder = f.holder;
  if (f.fix !== undefined) props.fix = f.fix;
  if (Object.keys(props).length > 0) r.properties = props;
  return r;
}

function runProperties(report: Report): Record<string, unknown> {
  const p: Record<string, unknown> = { context: report.context, agent: report.agent };
  if (report.skipped && (report.skipped.all || report.skipped.rules.length > 0)) p.skipped = report.skipped;
  if (report.notes && report.notes.length > 0) p.notes = report.notes;
  return p;
}

// Repository paths may hold spaces, '#', '%', '[', unicode…: each segment is
// percent-encoded so the uri is a valid relative reference that decodes back to the path.
// A lone surrogate (a name that was not valid UTF-8) would make encodeURIComponent
// throw, so it becomes U+FFFD first.
function toUri(path: string): string {
  return path
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}
