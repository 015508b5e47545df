// Issue 22 (3): a volatile session (continuations disabled) is metered as OpenVM v1.7.0 proves it: ONE
// segment (SingleSegmentVmProver, crates/vm/src/arch/vm.rs:1196-1228), VolatileBoundaryAir with one row per
// touched cell, no MemoryMerkleAir and no Poseidon2 periphery, PublicValuesAir present (num_public_values
// 32 > 0). References independent of metering: the session's own step count, and the boundary records of
// the plain run's TracingMemory::finalize(false) (GuestRun, memory/finalize.ts); the widths and the order
// are the ones read in the v1.7.0 source (cited per line).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, needs, SHARED_GUESTS, sharedFile } from '../guest/fixtures.testutil';
import { GuestRun } from '../guest/guestRun';
import { parseInput } from '../guest/io/input';
import { loadGuestProgram } from '../guest/program/guestProgram';
import { Session } from '../session';
import { attributionMismatches } from './attribution.testutil';
import { AirInventory, volatileSystem } from './airs/airs';
import { encoderWidth } from './airs/volatileAirs';
import { MeteredRun } from './meteredRun';
import { meterView } from './meterView';

/** fibonacci with n = 1000 (its input format: 0x01, then n as a little-endian u64). */
const FIB_INPUT = '0x01e803000000000000';

function plainVolatileRun(bytes: Uint8Array, input: string) {
  const run = new GuestRun(loadGuestProgram(bytes), { mode: 'volatile', input: parseInput(input) });
  run.run(Infinity);
  expect(run.status).toBe('terminated');
  const touched = run.finalize();
  return { instret: run.machine.instret, touched, adapterRows: Array.from(run.memory.records.rows) };
}

describe('the volatile AIR inventory (OpenVM v1.7.0 source)', () => {
  it('orders ProgramAir, VmConnectorAir, PublicValuesAir, VolatileBoundaryAir, adapters … PhantomAir, range checker', () => {
    const inv = new AirInventory(undefined, volatileSystem());
    const names = inv.airs.map((a) => a.name);
    // crates/vm/src/system/mod.rs:241-249 (into_airs), arch/config.rs:350-369 (boundary at
    // PUBLIC_VALUES_AIR_ID 2 + 1 = 3, adapters at 4), arch/extensions.rs:56 (PUBLIC_VALUES_AIR_ID = 2).
    expect(names.slice(0, 9)).toEqual([
      'ProgramAir',
      'VmConnectorAir',
      'VmAirWrapper<NativeAdapterAir<2, 0>, PublicValuesCoreAir>',
      'VolatileBoundaryAir',
      'AccessAdapterAir<2>',
      'AccessAdapterAir<4>',
      'AccessAdapterAir<8>',
      'AccessAdapterAir<16>',
      'AccessAdapterAir<32>',
    ]);
    // system/mod.rs:332-353: range checker first, Poseidon2 only with continuations, then PhantomAir;
    // the inventory lists extension AIRs in reverse, so these two end it.
    expect(names.slice(-2)).toEqual(['PhantomAir', 'VariableRangeCheckerAir']);
    expect(names.filter((n) => /Merkle|Poseidon2|Persistent/.test(n))).toEqual([]);
    expect([inv.boundaryId, inv.adapterOffset, inv.merkleId, inv.poseidon2Id]).toEqual([3, 4, -1, -1]);
    // The same RV32IM + IO extension AIRs as with continuations, one fewer system AIR (+PV −Merkle −Poseidon2).
    expect(inv.length).toBe(new AirInventory().length - 1);
  });

  it('has the widths of the v1.7.0 column structs and interactions', () => {
    const inv = new AirInventory(undefined, volatileSystem());
    const air = (key: string) => inv.airs[inv.id(key)];
    // VolatileBoundaryCols (crates/vm/src/system/memory/volatile/mod.rs:47-57): addr_space_limbs[1] +
    // pointer_limbs[AUX_LEN 2] + initial_data, final_data, final_timestamp + is_valid + IsLtArrayAuxCols<2, 2>
    // (diff_marker[2], diff_inv, lower_decomp[2]) = 12. Interactions (:117-181): 3 limb range checks, 2 lt
    // range checks, memory bus send + receive = 7, all of degree 1: 4 chunks, perm 4 × (4 + 1) = 20.
    expect(air('boundary')).toMatchObject({ mainCols: 12, permCols: 20, prepCols: 0, interactions: 7 });
    // NativeAdapterCols<2, 0> (native_adapter/mod.rs:36-56): 2 + 2 × (2 + 5) = 16; PublicValuesCoreAir
    // (public_values/core.rs:50-52): 3 + Encoder(32, 2, true) width 7 (C(9, 2) = 36 ≥ 33 > C(8, 2)) = 26.
    // Interactions: 2 reads × (2 timestamp range checks + bus receive/send) + 3 execution bridge = 11.
    expect(air('public_values')).toMatchObject({ mainCols: 26, prepCols: 0, interactions: 11 });
    expect(air('public_values').permCols).toBe(4 * 7);
    expect([encoderWidth(32, 2), encoderWidth(35, 2), encoderWidth(36, 2), encoderWidth(1, 2)]).toEqual([
      7, 7, 8, 1,
    ]);
  });

  it('has no PublicValuesAir when num_public_values is 0 (config.rs:345-347)', () => {
    const inv = new AirInventory(undefined, volatileSystem(0));
    expect(inv.has('public_values')).toBe(false);
    expect(inv.boundaryId).toBe(2);
  });
});

describe.runIf(needs(sharedFile('guests/openvm-v1.7/fibonacci.elf')))('metering a volatile run', () => {
  const bytes = new Uint8Array(readFileSync(path.join(SHARED_GUESTS, 'fibonacci.elf')));

  it('fibonacci: one segment, the session’s steps, a boundary row per cell finalize(false) gives', () => {
    const ref = plainVolatileRun(bytes, FIB_INPUT);
    const run = new MeteredRun(loadGuestProgram(bytes), {
      mode: 'volatile',
      input: parseInput(FIB_INPUT),
      // A segment limit far below the run: a volatile run is never cut.
      maxSegmentLength: 1024,
    });
    const r = run.run();
    expect(r.exitCode).toBe(0);
    expect(r.segments).toHaveLength(1);
    const [s] = r.segments;
    expect([s.instretStart, s.numInsns, r.instret]).toEqual([0, ref.instret, ref.instret]);
    const session = Session.open('guest', bytes, { mode: 'volatile', input: FIB_INPUT });
    expect(session.run({}).position.step).toBe(ref.instret);

    const inv = run.inventory;
    expect(inv.airs[inv.boundaryId].name).toBe('VolatileBoundaryAir');
    // One boundary row per touched cell of finalize(false), cells of every space (registers included).
    expect(ref.touched.chunk).toBe(1);
    expect(s.rows[inv.boundaryId]).toBe(ref.touched.pointer.length);
    expect(s.rows[inv.boundaryId]).toBeGreaterThan(100);
    // Execution's zero merges and finalize's splits of every 4-cell unit: the plain run's records.
    expect(Array.from(s.rows.subarray(inv.adapterOffset, inv.adapterOffset + 5))).toEqual(ref.adapterRows);
    // No PUBLISH in an RV32 guest: PublicValuesAir has no rows (next_power_of_two_or_zero: absent).
    expect([s.rows[inv.id('public_values')], s.padded[inv.id('public_values')]]).toEqual([0, 0]);
    expect(attributionMismatches(run, r)).toEqual([]);
  });

  it('the meter view of a volatile session says volatile and lists the volatile AIRs only', () => {
    const v = meterView(bytes, { input: FIB_INPUT, mode: 'volatile' });
    expect([v.mode, v.unavailable, v.segments.length]).toEqual(['volatile', null, 1]);
    const names = v.segments[0].airs.map((a) => a.air_name);
    expect(names).toContain('VolatileBoundaryAir');
    expect(names.filter((n) => /Merkle|Poseidon2|Persistent/.test(n))).toEqual([]);
    expect(v.segments[0].airs.find((a) => a.air_name === 'VolatileBoundaryAir')?.main_cols).toBe(12);
  });
});

describe('metering a volatile run with the allocator served by orthotope', () => {
  const bytes = new Uint8Array(readFileSync(path.join(EXAMPLES, 'hashmap.elf')));

  it('hashmap: the interposed run, one segment, every row charged once', () => {
    const run = new MeteredRun(loadGuestProgram(bytes), { mode: 'volatile', allocator: 'orthotope' });
    const r = run.run();
    expect(r.segments).toHaveLength(1);
    expect(r.instret).toBe(335_808);
    expect(attributionMismatches(run, r)).toEqual([]);
  });
});
