#!/usr/bin/env bash
# Rebuilds the example guests into public/examples/*.elf with Debian's clang + lld (14) for rv32im/ilp32,
# freestanding, OpenVM's memory map (runtime/link.ld). The ELFs are committed, so tests never need clang.
#   apt-get install -y clang lld        (TOOLCHAIN.md section 5)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/public/examples"
cd "$root" # the compilation directory in DWARF is the repository root, mapped to "." (below)
mkdir -p "$out"
CFLAGS=(--target=riscv32-unknown-elf -march=rv32im -mabi=ilp32 -O2 -ffreestanding -fno-builtin
        -nostdlib -static -mno-relax -fuse-ld=lld -Wall -Wextra -Werror
        -fdebug-prefix-map="$root"=.
        -I examples/guests/runtime -Wl,-T,examples/guests/runtime/link.ld -Wl,--no-relax)
# Paths relative to the root, so DWARF names the sources as examples/guests/... (gdb finds them from the root).
RUNTIME=(examples/guests/runtime/start.c examples/guests/runtime/libc.c examples/guests/runtime/malloc.c)
# The debug examples carry DWARF (one of each version, so the reader is tested on both); -O0 keeps every
# local in the frame for gdb, -O1 keeps calls and makes an inlined frame. Later flags override -O2.
debug_flags() {
  case "$1" in
    debug_loop) echo "-O0 -gdwarf-5" ;;
    debug_calls) echo "-O1 -gdwarf-4" ;;
  esac
}
for src in "$here"/*.c; do
  name="$(basename "$src" .c)"
  # shellcheck disable=SC2046 # the flags are words
  clang "${CFLAGS[@]}" $(debug_flags "$name") -o "$out/$name.elf" "examples/guests/$name.c" "${RUNTIME[@]}"
  echo "built public/examples/$name.elf ($(stat -c %s "$out/$name.elf") bytes)"
done
