// Shared e2e helpers: the CLI as the reference, error watching, waiting for the engine.
import { execFileSync } from 'node:child_process';
import { expect, type Page } from '@playwright/test';

export function cli(args: string[]): string {
  return execFileSync('node', ['scripts/memscope.mjs', ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
}

/** The CLI's state at T (src/cli/stateAt.ts format). */
export function cliAt(args: string[]): {
  step: number;
  timestamp: number;
  registers: number[] | null;
  dumps: { values: number[]; units: { block_start: number; block_size: number; t: number }[] }[];
  access: { records: { kind: string; ptr: number; size: number; lowest: number; t: number }[] } | null;
} {
  return JSON.parse(cli(args));
}

export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
  return errors;
}

/** The engine is idle and every panel shows the newest frame (the panels render it deferred). */
export async function ready(page: Page, timeout = 30_000): Promise<void> {
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', /ready|error/, { timeout });
  await expect(page.locator('.app')).toHaveAttribute('data-settled', 'true', { timeout });
}

/**
 * Ready with `name` open: after choosing an example or giving a file, `ready` alone can match the state
 * before the opening (it was ready too), so wait for the program first (a flake under load: run 3 of 5).
 */
export async function readyWith(page: Page, name: string, timeout = 60_000): Promise<void> {
  await expect(page.locator('.app')).toHaveAttribute('data-program', name, { timeout });
  await ready(page, timeout);
}

export async function timestamp(page: Page): Promise<number> {
  return Number(await page.getByTestId('current-timestamp').textContent());
}

/**
 * Opens a link as a new page would. `page.goto(page.url())` is not that: the URL ends in the workspace's
 * `#layout=…` hash, and going to the same URL with a hash is a same-document navigation (nothing reloads).
 */
export async function openLink(page: Page, url = page.url()): Promise<void> {
  await page.goto('about:blank');
  await page.goto(url);
}

/** Opens the header's "Run ▾" options (memory mode, allocator interposition, step limit). */
export async function openRunOptions(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Run\b.*▾$/ }).click();
  await expect(page.getByRole('group', { name: 'Run options' })).toBeVisible();
}

/** Opens (or closes) a workspace panel from the header's View menu, e.g. 'Cost' or 'Cost by function'. */
export async function togglePanel(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'View', exact: true }).click();
  await page.getByRole('menuitemcheckbox', { name: title, exact: true }).click();
}
