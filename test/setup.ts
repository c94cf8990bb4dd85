import { afterAll } from 'vitest';
import { removeTempDirs } from './helpers.ts';

// Each file removes the folders it made as soon as it is done, not only at the end of the run.
afterAll(removeTempDirs);
