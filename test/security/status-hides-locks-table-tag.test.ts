// Inserting one line — a </table> line above the lock row — makes the lock stop being read. The change of the status
// file is judged by the locks it reads before and after, so it is refused like a removal.
import { afterAll, it } from 'vitest';
import { expectHiddenLockRefused } from '../helpers/statusAttack.js';
import { cleanupAll } from '../helpers/tempRepo.js';

afterAll(cleanupAll);

it('a </table> line above the lock row is refused at pre-commit, pre-push, orch ci and pre-receive', () => {
  expectHiddenLockRefused('</table>');
});
