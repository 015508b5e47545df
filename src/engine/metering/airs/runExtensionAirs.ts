// The extension AIRs a metered run adds to the system's (AirInventory): the openvm.toml's, or without one
// the precompile extensions the program uses. Mirrors OpenVM v1.7's refusal to load a program whose config
// lacks what its code needs (guest/extensions/configCheck.ts), since those chips would have no AIR.
import { EngineError } from '../../errors';
import { describeMissing, missingSettings } from '../../guest/extensions/configCheck';
import type { GuestProgram } from '../../guest/program/guestProgram';
import { defaultVmConfig, type VmConfig } from '../../guest/config/vmConfig';
import { configExtensionAirs } from './algebraAirs';
import { type ExtensionAirs, extensionAirs } from './airs';

/**
 * The extension AIRs of the run: the config's, or without one the program's precompiles (refusing unknown
 * widths). A config that lacks settings the program needs is refused by name, as OpenVM refuses to load
 * such a program (configCheck.ts) — its chips would have no AIR to add rows to.
 */
export function runExtensionAirs(program: GuestProgram, vmConfig: VmConfig | undefined): ExtensionAirs[] {
  if (vmConfig !== undefined) {
    const missing = missingSettings(program.decoded, vmConfig);
    if (missing.length > 0)
      throw new EngineError(
        'config',
        `cannot meter: the program needs settings missing from ${vmConfig.source} (OpenVM would refuse to load it): ${describeMissing(missing).join('; ')}`,
      );
    return configExtensionAirs(vmConfig);
  }
  const ext = extensionAirs(program.decoded.extensions.map((e) => e.extension));
  if (ext.missing.length > 0) {
    const needs = describeMissing(missingSettings(program.decoded, defaultVmConfig()));
    throw new EngineError(
      'config',
      `cannot meter the ${ext.missing.join(', ')} extension(s) without the guest's openvm.toml (--config); it needs ${needs.join('; ')}`,
    );
  }
  return ext.airs;
}
