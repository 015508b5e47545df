import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import './ui/app.css';

// TEMPORARY dev harness (issue 6 panels): `?harness=panels` renders only the Allocator and Timeline
// panels on a real example, for screenshots. Lazy, so the app's bundle does not carry it. Remove this
// branch together with src/ui/dev/.
const PanelsHarness = lazy(() => import('./ui/dev/PanelsHarness'));
const harness = new URLSearchParams(window.location.search).get('harness') === 'panels';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    {harness ? (
      <Suspense fallback={null}>
        <PanelsHarness />
      </Suspense>
    ) : (
      <App />
    )}
  </StrictMode>,
);
