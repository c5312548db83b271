import type { Socket } from 'socket.io';
import { describe, expect, it } from 'vitest';
import { runInOrder } from './per-socket-queue.js';

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('runInOrder', () => {
  it('finishes tasks of one lane in the order they were started, even when later ones are faster', async () => {
    const socket = {} as Socket;
    const done: number[] = [];
    await Promise.all([
      runInOrder(socket, 'send', async () => (await delay(30), done.push(1))),
      runInOrder(socket, 'send', async () => (await delay(1), done.push(2))),
      runInOrder(socket, 'send', () => Promise.resolve(done.push(3))),
    ]);
    expect(done).toEqual([1, 2, 3]);
  });

  it('keeps going after a task fails, and passes the failure to its caller only', async () => {
    const socket = {} as Socket;
    const failing = runInOrder(socket, 'send', () => Promise.reject(new Error('boom')));
    const next = runInOrder(socket, 'send', () => Promise.resolve('ok'));
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ok');
  });

  it('does not order different sockets or lanes against each other', async () => {
    const done: string[] = [];
    await Promise.all([
      runInOrder({} as Socket, 'send', async () => (await delay(20), done.push('a'))),
      runInOrder({} as Socket, 'send', () => Promise.resolve(done.push('b'))),
    ]);
    expect(done).toEqual(['b', 'a']);
  });

  it('skips a task whose socket disconnected while it waited (nobody is left to answer)', async () => {
    const socket = { disconnected: false } as { disconnected: boolean } as Socket;
    const ran: number[] = [];
    const first = runInOrder(socket, 'send', async () => {
      await delay(20);
      (socket as { disconnected: boolean }).disconnected = true;
      ran.push(1);
    });
    const second = runInOrder(socket, 'send', () => Promise.resolve(ran.push(2)));
    await first;
    await expect(second).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(ran).toEqual([1]);
  });
});
