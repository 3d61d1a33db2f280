// The one form orch writes (README: "WORK_STATUS.md").
export const LOCKS_HEADING = '## Locks';
export const LOCK_HEADER = '| Path | Agent | Task | Since | Expires | Note |';
export const LOCK_SEPARATOR = '| --- | --- | --- | --- | --- | --- |';
export const REVIEWS_HEADING = '## Reviews';
export const REVIEW_HEADER = '| Path | Requested by | Reviewer | State | At |';
export const REVIEW_SEPARATOR = '| --- | --- | --- | --- | --- |';
export const LOG_HEADING = '## Log';
export const LOCKED_STATUS = '🔒 Locked';
