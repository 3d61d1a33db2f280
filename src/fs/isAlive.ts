// Whether a process of this machine is still running. EPERM means alive but someone
// else's; only ESRCH says it is gone, so a process orch cannot signal is never taken for dead.
export function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
