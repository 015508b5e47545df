// The one Web API the engine uses beyond ECMAScript: the Encoding standard's TextDecoder and TextEncoder
// (every runtime the engine runs in has them: browsers, Web Workers, Node). Declared here so that src/engine/tsconfig.json can
// leave out the DOM library and Node's types: any other DOM or Node API in engine code is a type error.
// The root tsconfig (DOM lib) excludes this file.

interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}

interface TextDecodeOptions {
  stream?: boolean;
}

declare class TextDecoder {
  constructor(label?: string, options?: TextDecoderOptions);
  readonly encoding: string;
  readonly fatal: boolean;
  readonly ignoreBOM: boolean;
  decode(input?: ArrayBuffer | ArrayBufferView, options?: TextDecodeOptions): string;
}

declare class TextEncoder {
  readonly encoding: string;
  encode(input?: string): Uint8Array;
}
