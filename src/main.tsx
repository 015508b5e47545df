import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import './ui/app.css';

// TEMPORARY dev harnesses (issue 6 panels): `?harness=panels` renders only the Allocator and Timeline
// panels, `?harness=memory` only the Address spaces panel, on a real example, for screenshots. Lazy, so
// the app's bundle does not carry them. Remove this branch together with src/ui/dev/.
const PanelsHarness = lazy(() => import('./ui/dev/PanelsHarness'));
const MemoryHarness = lazy(() => import('./ui/dev/MemoryHarness'));
// `?harness=lessons`: the issue 7 lesson components (gallery, narration, cost) on real engine data.
const LessonsHarness = lazy(() => import('./ui/dev/LessonsHarness'));
const harness = new URLSearchParams(window.location.search).get('harness');

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    {harness === 'lessons' ? (
      <Suspense fallback={null}>
        <LessonsHarness />
      </Suspense>
    ) : harness === 'panels' || harness === 'memory' ? (
      <Suspense fallback={null}>{harness === 'panels' ? <PanelsHarness /> : <MemoryHarness />}</Suspense>
    ) : (
      <App />
    )}
  </StrictMode>,
);
