import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import type { Express } from 'express';

type BoardServerAdapter = Parameters<typeof createBullBoard>[0]['serverAdapter'];

/** Where Bull Board is served. */
export const BULL_BOARD_PATH = '/queues';

/** Serves Bull Board for `queues` at `/queues`; `write: false` hides retry, clean, remove and the like. */
export function mountBullBoard(app: Express, queues: readonly Queue[], write: boolean): void {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(BULL_BOARD_PATH);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode: !write })),
    // @bull-board/express ships its own nested copy of @bull-board/api (9.10.1 vs 9.10.2): the classes are the
    // same at runtime but TypeScript sees two declarations of a private field, hence the cast.
    serverAdapter: serverAdapter as unknown as BoardServerAdapter,
    options: { uiConfig: { boardTitle: 'wpingest' } },
  });
  app.use(BULL_BOARD_PATH, serverAdapter.getRouter());
}
