// What `orch init` means to do to one file (or to git's config): planned first, so that
// --dry-run can print exactly what a real run would change.

export interface PlannedChange {
  file: string;
  action: 'create' | 'update' | 'rename' | 'chmod' | 'git-config';
  why: string;
  /** For git-config: the key (file is then the repository's config). */
  key?: string;
  /** New content for create/update; target for rename; the value for git-config. */
  content?: string;
  to?: string;
  mode?: number;
  /** What orch adds, for --dry-run to show (a snippet, not the whole file). */
  detail?: string;
}

/** What one integration would change, and what the user still has to do (printed after). */
export interface IntegrationPlan {
  changes: PlannedChange[];
  notes: string[];
}
