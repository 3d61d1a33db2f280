// Every shell writer the edit-time check judges, each aimed at `target` (a locked path).
export function shellWriters(target: string): string[] {
  return [
    `echo changed > ${target}`,
    `echo changed >> ${target}`,
    `printf x >| ${target}`,
    `cat README.md | tee ${target}`,
    `sed -i 's/1/2/' ${target}`,
    `perl -pi -e 's/1/2/' ${target}`,
    `mv ${target} moved.js`,
    `cp README.md ${target}`,
    `rm -f ${target}`,
    `touch ${target}`,
    `truncate -s 0 ${target}`,
    `git checkout -- ${target}`,
    `git restore ${target}`,
    `git rm -q ${target}`,
    `git mv ${target} renamed.js`,
    `cd ${target.split('/')[0]} && rm ${target.split('/').slice(1).join('/')}`,
    `bash -c 'echo x > ${target}'`,
  ];
}
