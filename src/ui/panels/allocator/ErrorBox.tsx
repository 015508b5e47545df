// The last allocator error, highlighted, with its cause (errorView.ts): what failed, where (operation,
// thread, pointer, class) and why orthotope 0.1.7 answers that way. A pointer can be selected in the
// other views when the caller handles onSelectBlock.
import type { AllocatorErrorView } from '../../../engine/alloc/views/errorView';
import { count } from './format';

interface Props {
  readonly error: AllocatorErrorView;
  readonly onSelectBlock?: (offset: number) => void;
}

export function ErrorBox({ error, onSelectBlock }: Props) {
  const ptr = error.ptr;
  return (
    <div
      className="alloc-error"
      role="status"
      data-testid="allocator-error"
      data-kind={error.kind}
      data-op={error.op}
      data-thread={error.thread}
      data-ptr={ptr ?? ''}
      data-class={error.cls ?? ''}
    >
      <div className="alloc-error-head">
        <strong title="The error kind orthotope 0.1.7 returns (errors are values; the failed call changed nothing but the cache binding).">
          {error.kind}
        </strong>
        {error.reason !== null && <span title="Which header check failed.">reason {error.reason}</span>}
        <span title="The 0-based number of the failed allocator call (allocate and free calls, failed ones included).">
          op {count(error.op)}
        </span>
        <span title="The thread cache the call used.">thread {error.thread}</span>
        {ptr !== null && (
          <span title="The freed user pointer, as an offset from the arena base (block start + 64).">
            off {count(ptr)}
            {onSelectBlock && (
              <button type="button" className="alloc-link" onClick={() => onSelectBlock(ptr)}>
                show block
              </button>
            )}
          </span>
        )}
        {error.className !== null && (
          <span title="The size class of the block involved.">class {error.className}</span>
        )}
      </div>
      <p className="alloc-error-message" data-testid="allocator-error-message">
        {error.message}
      </p>
      <p className="alloc-error-cause" data-testid="allocator-error-cause">
        <span className="alloc-why">Why: </span>
        {error.cause}
        {error.source === 'events' && error.reason === 'magic' && (
          <span
            className="alloc-note"
            title="The event log does not store whether the header held a free-list link; it is judged again on the state shown."
          >
            {' '}
            (judged on the state shown)
          </span>
        )}
      </p>
    </div>
  );
}
