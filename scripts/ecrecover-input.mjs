#!/usr/bin/env node
// Builds the input of OpenVM v1.7's ecrecover benchmark guest the way its harness does
// (benchmarks/prove/src/bin/ecrecover.rs): vector 0 = the expected address as 32 bytes (12 zeros, then
// the last 20 bytes of keccak256 of the uncompressed public key without its 0x04 prefix); vectors 1..5 =
// for each message in [Elliptic, Curve, Digital, Signature, Algorithm] the 128-byte precompile input
// prehash || 31 zeros || v (= recovery id + 27) || r || s, with prehash = keccak256(message). Every byte is
// one BabyBear field element (BabyBear::from_u8), written as OpenVM CLI `0x02...` strings (LE u32 each).
// The key is our own (deterministic, from sha256 of a label), not the harness's ChaCha8 one; signatures are
// RFC 6979 (deterministic) via @noble/curves.
// Usage: node scripts/ecrecover-input.mjs [--bad-signature] > FILE.json
//   --bad-signature flips one bit of the third signature's s: ecrecover then recovers another address and
//   the guest's assert_eq fails (non-zero exit, as in OpenVM).
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { sha256 } from '@noble/hashes/sha2.js';

const bad = process.argv.includes('--bad-signature');
const secretKey = sha256(new TextEncoder().encode('memscope ecrecover benchmark key'));
const publicKey = secp256k1.getPublicKey(secretKey, false); // 65 bytes: 0x04 || x || y
const address = new Uint8Array(32);
address.set(keccak_256(publicKey.subarray(1)).subarray(12), 12);

function precompileInput(message, tamper) {
  const prehash = keccak_256(new TextEncoder().encode(message));
  // 'recovered': recovery byte first, then r || s (64 bytes).
  const sig = secp256k1.sign(prehash, secretKey, { prehash: false, format: 'recovered' });
  const input = new Uint8Array(128);
  input.set(prehash, 0);
  input[63] = sig[0] + 27;
  input.set(sig.subarray(1), 64);
  if (tamper) input[127] ^= 1;
  return input;
}

const fieldElements = (bytes) =>
  '0x02' + [...bytes].map((b) => b.toString(16).padStart(2, '0') + '000000').join('');

const messages = ['Elliptic', 'Curve', 'Digital', 'Signature', 'Algorithm'];
const vectors = [address, ...messages.map((m, i) => precompileInput(m, bad && i === 2))];
process.stdout.write(`${JSON.stringify({ input: vectors.map(fieldElements) }, null, 1)}\n`);
