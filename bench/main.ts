// `npm run bench [-- GROUP...]`: one `name=value` line per figure on stdout; progress goes to stderr.
import { groups, OPT_IN_GROUPS } from './groups';

export async function main(argv: string[]): Promise<number> {
  const wanted = argv.length > 0 ? argv : Object.keys(groups).filter((g) => !OPT_IN_GROUPS.includes(g));
  for (const name of wanted) {
    const group = groups[name];
    if (group === undefined) {
      process.stderr.write(
        `error: unknown bench group \`${name}\` (groups: ${Object.keys(groups).join(', ')})\n`,
      );
      return 1;
    }
    process.stderr.write(`# bench group ${name}\n`);
    await group((figure, value) => process.stdout.write(`${figure}=${value}\n`));
  }
  return 0;
}
