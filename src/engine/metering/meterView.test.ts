// meterView on a program metering cannot serve: the panel gets `unavailable` with the reason and the
// missing settings, never a thrown error (the worker would turn it into an error banner).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../guest/fixtures.testutil';
import { meterView } from './meterView';

const ecrecover = () => new Uint8Array(readFileSync(path.join(EXAMPLES, 'ecrecover.elf')));

describe('meterView: what metering cannot serve is said, not thrown', () => {
  it('ecrecover without its openvm.toml: unavailable, naming the modular and ECC settings', () => {
    const view = meterView(ecrecover());
    expect(view.unavailable).toContain("without the guest's openvm.toml");
    expect(view.segments).toEqual([]);
    expect(view.missingSettings.join('\n')).toContain(
      '[app_vm_config.modular] supported_moduli is not configured',
    );
  });

  it('ecrecover with a config lacking its curve: unavailable (a config error), naming the curve settings', () => {
    const toml = '[app_vm_config.rv32i]\n[app_vm_config.rv32m]\n[app_vm_config.io]\n';
    const view = meterView(ecrecover(), { config: { name: 'plain.openvm.toml', text: toml } });
    expect(view.unavailable).toContain('missing from plain.openvm.toml');
    expect(view.missingSettings.join('\n')).toContain(
      '[[app_vm_config.ecc.supported_curves]] is not configured',
    );
  });
});
