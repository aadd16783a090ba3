import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// Without workers (jsdom) the walking session runs in place, importing its host on demand;
// loading it here first keeps that import from racing tests' fake timers.
await import('../../src/workers/sessionHost');
