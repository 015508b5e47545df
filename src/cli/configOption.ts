// The `--config openvm.toml` option of exec and disasm: the guest's VM configuration (engine/guest/config/vmConfig.ts).
// Reads and parses the file; warnings (keys OpenVM's serde ignores) go to stderr; a bad file is reported
// with the key at fault and yields the exit code to return.

import { EngineError } from '../engine/errors';
import { parseOpenVmToml, type VmConfig } from '../engine/guest/config/vmConfig';
import { EXIT } from './exitCodes';
import { type CliIO, readFileOrReport } from './io';
import { text } from './options';

export const configOption = {
  config: text(
    'FILE',
    "the guest's openvm.toml: its extensions, moduli and curves (algebra, ECC, pairing) and system settings",
  ),
};

export interface LoadedConfig {
  vmConfig: VmConfig;
  text: string;
  name: string;
}

/** The parsed --config file, undefined without one, or the exit code after reporting why it is unusable. */
export function loadConfigOption(io: CliIO, file: string | undefined): LoadedConfig | undefined | number {
  if (file === undefined) return undefined;
  const bytes = readFileOrReport(io, file);
  if (bytes === undefined) return EXIT.usage;
  const source = new TextDecoder().decode(bytes);
  try {
    const vmConfig = parseOpenVmToml(source, file);
    for (const w of vmConfig.warnings) io.err(`warning: --config: ${w}\n`);
    return { vmConfig, text: source, name: file };
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
    io.err(`error: --config: ${e.message}\n`);
    return EXIT.invalidInput;
  }
}
