import { describe, expect, it } from 'vitest';
import { fitLabel, innermostFirst, pathSegments } from './frameLabel';

describe('icicle frame labels', () => {
  it('puts the innermost name first', () => {
    expect(innermostFirst('regex_automata::nfa::thompson::pikevm::PikeVM::search_slots')).toBe(
      'search_slots · PikeVM::pikevm::thompson::nfa::regex_automata',
    );
    expect(innermostFirst('main')).toBe('main');
    expect(innermostFirst('[padding]')).toBe('[padding]');
  });
  it('keeps generic arguments and trait impls whole', () => {
    expect(pathSegments('<T as core::fmt::Debug>::fmt')).toEqual(['<T as core::fmt::Debug>', 'fmt']);
    expect(pathSegments('alloc::vec::Vec<u8, alloc::alloc::Global>::push')).toEqual([
      'alloc',
      'vec',
      'Vec<u8, alloc::alloc::Global>',
      'push',
    ]);
  });
  it('cuts to the room with an ellipsis, innermost name kept', () => {
    expect(fitLabel('regex_automata::nfa::thompson::pikevm::PikeVM::search_slots', 14)).toBe(
      'search_slots …',
    );
    expect(fitLabel('memcpy', 1)).toBe('');
  });
});
