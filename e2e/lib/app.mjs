// The real Attaché window, driven through tauri-driver, with helpers that speak in the
// UI's data-testid vocabulary. `cargo xtask test` provides the environment:
//   TAURI_DRIVER_PORT  port tauri-driver listens on
//   ATTACHE_APP        absolute path of the built app (target/debug/attache)
//   E2E_ARTIFACTS      folder for failure screenshots (a temp folder if unset)
import { remote } from 'webdriverio';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const TIMEOUT = 10_000;
const START_TIMEOUT = 60_000;

const by = (id) => `[data-testid="${id}"]`;

function requiredEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the suite with \`cargo xtask test\``);
  return value;
}

let artifactsDir;
function artifacts() {
  artifactsDir ??= process.env.E2E_ARTIFACTS || mkdtempSync(join(tmpdir(), 'attache-e2e-'));
  mkdirSync(artifactsDir, { recursive: true });
  return artifactsDir;
}

export class App {
  constructor(browser) {
    this.browser = browser;
  }

  /**
   * Starts the app in a new WebDriver session and waits for its navigation to appear (or for
   * the element `ready` names: `unlock` for an encrypted store).
   */
  static async start({ ready = 'nav-dashboard' } = {}) {
    const application = requiredEnv('ATTACHE_APP');
    // An instance left from an earlier file would take this start over (single instance).
    await waitForExit(application, 2_000);
    const browser = await remote({
      hostname: '127.0.0.1',
      port: Number(requiredEnv('TAURI_DRIVER_PORT')),
      logLevel: 'error',
      connectionRetryTimeout: START_TIMEOUT,
      connectionRetryCount: 0,
      waitforTimeout: TIMEOUT,
      capabilities: {
        'tauri:options': { application },
        'wdio:enforceWebDriverClassic': true,
      },
    });
    const app = new App(browser);
    try {
      await withArtifacts(app, 'start', () => app.visible(ready, { timeout: START_TIMEOUT }));
    } catch (error) {
      await browser.deleteSession().catch(() => {});
      throw error;
    }
    return app;
  }

  /** Ends the session (which closes the app) and waits until the process is gone. */
  async quit() {
    // Closing the window first: after the page has reloaded (a restore, a reminder test),
    // WebKitWebDriver's end of session may leave the window open, and the app idles on. This
    // closes it in some runs; the wait below kills what is left.
    await this.browser.closeWindow().catch(() => {});
    await this.browser.deleteSession();
    await waitForExit(requiredEnv('ATTACHE_APP'));
  }

  /** The last displayed element with this test id (dialogs come late in the DOM). */
  async visible(id, { within, timeout = TIMEOUT } = {}) {
    let found;
    await this.browser.waitUntil(
      async () => {
        found = await lastDisplayed(await (within ?? this.browser).$$(by(id)));
        return Boolean(found);
      },
      { timeout, timeoutMsg: `no visible [data-testid="${id}"] after ${timeout} ms` },
    );
    return found;
  }

  async isVisible(id) {
    return Boolean(await lastDisplayed(await this.browser.$$(by(id))));
  }

  /**
   * Clicks an element (or the last visible one with a test id), retrying while something such
   * as an animation or an overlay is in the way. Rows are clicked the way a person does: on
   * their link if they have one, else on their first cell (WebKit refuses clicks on a <tr>).
   */
  async click(target, { within, timeout = TIMEOUT } = {}) {
    const label = typeof target === 'string' ? `[data-testid="${target}"]` : 'the element';
    let lastError;
    await this.browser
      .waitUntil(
        async () => {
          try {
            const element = typeof target === 'string' ? await this.visible(target, { within, timeout }) : target;
            await (await clickPoint(element)).click();
            return true;
          } catch (error) {
            lastError = error;
            // An element passed in that has left the page will not come back.
            if (typeof target !== 'string' && /stale|not found/i.test(String(error))) throw error;
            return false;
          }
        },
        { timeout, interval: 250 },
      )
      .catch((error) => {
        throw new Error(`could not click ${label}: ${(lastError ?? error).message}`);
      });
  }

  /**
   * Sets a form field like a person would: typing into text fields, choosing in pickers.
   * `byScript` sets a text field's value at once, as a paste would (typing 20,000 characters
   * through WebDriver takes minutes).
   */
  async fill(id, value, { byScript = false } = {}) {
    const field = await this.visible(`field-${id}`);
    const tag = (await field.getTagName()).toLowerCase();
    const type = ((await field.getAttribute('type')) ?? '').toLowerCase();
    const picker = tag === 'select' || ['date', 'datetime-local', 'time', 'month'].includes(type);
    if (!picker && !byScript) {
      await field.setValue(value);
    }
    if (picker || (await field.getValue()) !== value) {
      await setByScript(this.browser, field, value);
    }
    const actual = await field.getValue();
    if (actual !== value) {
      const shown = (text) => JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}… (${text.length} characters)` : text);
      throw new Error(`field-${id} holds ${shown(actual)} after entering ${shown(value)}`);
    }
  }

  async nav(area) {
    await this.click(`nav-${area}`);
  }

  /** Clicks Save and waits (briefly, without failing) for the form to close. */
  async save() {
    await this.click('save-button');
    await this.browser
      .waitUntil(async () => !(await this.isVisible('save-button')) || (await this.isVisible('edit-button')), {
        timeout: 5_000,
      })
      .catch(() => {});
  }

  /** Fails with the messages of any field errors on screen. */
  async expectNoFieldErrors() {
    const messages = [];
    for (const element of await this.browser.$$('[data-testid^="error-"]')) {
      if (await shown(element)) {
        messages.push(`${await element.getAttribute('data-testid')}: ${await element.getText()}`);
      }
    }
    if (messages.length) throw new Error(`the form shows errors:\n${messages.join('\n')}`);
  }

  /**
   * Calls a command of the app the way its UI does, over Tauri's IPC in the page, and resolves
   * to the answer: what the core stored, rather than what a screen shows of it.
   */
  async invoke(command, args = {}) {
    const outcome = await this.browser.executeAsync(
      (cmd, cmdArgs, done) => {
        window.__TAURI_INTERNALS__.invoke(cmd, cmdArgs).then(
          (value) => done({ ok: true, value }),
          (error) => done({ ok: false, error: typeof error === 'string' ? error : JSON.stringify(error) }),
        );
      },
      command,
      args,
    );
    if (!outcome?.ok) throw new Error(`${command} failed: ${outcome?.error}`);
    return outcome.value;
  }

  /**
   * Answers the system's file dialog (GTK's, opened by the window with this title) as a person
   * would from the keyboard: Ctrl+L for the location (or, saving, the name selected), the path,
   * Enter. Needs xdotool and the virtual display the suite runs on.
   */
  async chooseInFileDialog(title, path, { save = false } = {}) {
    const run = (args) => spawnSync('xdotool', args, { encoding: 'utf8', timeout: 20_000 });
    const found = run(['search', '--sync', '--onlyvisible', '--name', title]);
    const window = found.stdout.trim().split('\n').at(-1);
    if (found.status !== 0 || !window) throw new Error(`no file dialog named “${title}”: ${found.stderr}`);
    run(['windowfocus', '--sync', window]);
    // The dialog takes keys once it has drawn; a location typed earlier is lost.
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Open: Ctrl+L brings the location entry. Save: the name entry has focus; select its text.
    run(['key', '--window', window, '--clearmodifiers', save ? 'ctrl+a' : 'ctrl+l']);
    await new Promise((resolve) => setTimeout(resolve, 300));
    run(['type', '--window', window, '--delay', '15', path]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const entered = run(['key', '--window', window, 'Return']);
    if (entered.status !== 0) throw new Error(`could not type into the file dialog: ${entered.stderr}`);
  }

  /** The id in the current page's address, e.g. the visit's on /visits/<id>. */
  async idInUrl(area) {
    const url = await this.browser.getUrl();
    const match = new RegExp(`/${area}/([^/?#]+)`).exec(url);
    if (!match) throw new Error(`${url} is not a page of one of the ${area}`);
    return decodeURIComponent(match[1]);
  }

  /**
   * How far the page and `selector` (the first match) overflow sideways, in pixels: 0 when
   * everything fits. A long value must be cut or wrapped, never widen the screen.
   */
  async horizontalOverflow(selector) {
    return this.browser.execute((sel) => {
      const over = (element) => (element ? Math.max(0, element.scrollWidth - element.clientWidth) : 0);
      const element = document.querySelector(sel);
      return {
        page: over(document.documentElement),
        main: over(document.querySelector('main')),
        element: element ? Math.max(0, element.scrollWidth - element.parentElement.clientWidth) : null,
      };
    }, selector);
  }

  /** The text of a visible field error, which must say something. */
  async fieldError(name) {
    const element = await this.visible(`error-${name}`);
    const text = (await element.getText()).trim();
    if (!text) throw new Error(`error-${name} is shown but empty`);
    return text;
  }

  /**
   * The displayed row (test id `list-row` unless given) whose text contains `text`.
   * With `area`, reopens that list now and then, in case it loaded before a save landed.
   */
  async row(text, { id = 'list-row', area, timeout = TIMEOUT } = {}) {
    let found;
    let seen = [];
    let lastOpen = Date.now();
    await this.browser.waitUntil(
      async () => {
        seen = [];
        for (const element of await this.browser.$$(by(id))) {
          if (!(await shown(element))) continue;
          const rowText = await element.getText();
          seen.push(rowText.replace(/\s+/g, ' ').slice(0, 80));
          if (rowText.includes(text)) {
            found = element;
            return true;
          }
        }
        if (area && Date.now() - lastOpen > 3_000) {
          await this.nav(area === 'dashboard' ? 'visits' : 'dashboard');
          await this.nav(area);
          lastOpen = Date.now();
        }
        return false;
      },
      { timeout, interval: 250, timeoutMsg: `no ${id} containing "${text}"` },
    ).catch(() => {
      throw new Error(`no visible ${id} contains "${text}" after ${timeout} ms; rows seen:\n  ${seen.join('\n  ')}`);
    });
    return found;
  }

  /** Waits until the number of displayed `id` elements satisfies `accept`; returns it. */
  async count(id, accept, description, { timeout = TIMEOUT } = {}) {
    let count = 0;
    await this.browser
      .waitUntil(
        async () => {
          count = 0;
          for (const element of await this.browser.$$(by(id))) {
            if (await shown(element)) count += 1;
          }
          return accept(count);
        },
        { timeout, interval: 250 },
      )
      .catch(() => {
        throw new Error(`expected ${description} ${id} elements, saw ${count} after ${timeout} ms`);
      });
    return count;
  }

  async bodyText() {
    return this.browser.$('body').getText();
  }

  /**
   * Saves a picture of the screen and the page source. The picture comes from the X display
   * (`import`), because WebKit's own screenshot never answers with compositing disabled.
   */
  async saveArtifacts(name) {
    const base = join(artifacts(), name.replace(/[^a-z0-9]+/gi, '-').toLowerCase());
    const saved = [];
    if (process.env.DISPLAY && spawnSync('import', ['-window', 'root', `${base}.png`]).status === 0) {
      saved.push(`${base}.png`);
    } else if (await settle(this.browser.saveScreenshot(`${base}.png`), 10_000)) {
      saved.push(`${base}.png`);
    }
    const source = await settle(this.browser.getPageSource(), 10_000);
    if (source) {
      writeFileSync(`${base}.html`, source);
      saved.push(`${base}.html`);
    }
    console.error(saved.length ? `saved ${saved.join(' and ')}` : `could not save artefacts for "${name}"`);
  }
}

async function clickPoint(element) {
  const link = await lastDisplayed(await element.$$('a[href]'));
  if (link) return link;
  if ((await element.getTagName()).toLowerCase() === 'tr') {
    const cells = await element.$$('td, th');
    for (const cell of cells) if (await shown(cell)) return cell;
  }
  return element;
}

/** The promise's value, or undefined if it fails or takes longer than `ms`. */
async function settle(promise, ms) {
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  try {
    return (await Promise.race([promise.catch(() => undefined), timeout])) ?? undefined;
  } finally {
    clearTimeout(timer);
  }
}

/** Whether the element is displayed; false once it has left the page (re-rendered). */
async function shown(element) {
  return element.isDisplayed().catch(() => false);
}

async function lastDisplayed(elements) {
  for (let i = elements.length - 1; i >= 0; i -= 1) {
    if (await shown(elements[i])) return elements[i];
  }
  return undefined;
}

// Date and time pickers and selects don't take keystrokes reliably in WebKitGTK: set the
// value through the element's own setter and fire the events Svelte's bindings listen to.
async function setByScript(browser, element, value) {
  await browser.execute(
    (el, v) => {
      const proto = Object.getPrototypeOf(el);
      Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, v);
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    },
    element,
    value,
  );
}

/**
 * Waits until no process runs `application` on this run's data folder (XDG_DATA_HOME), so a
 * restart is a real second start; a developer's own instance of the app is not counted.
 * One still there after `timeout` is killed, and said so on stderr: left running, it would
 * keep the single-instance lock, and every later start would hand over to it and exit, so
 * that WebDriver's next session never gets a window (UND_ERR_HEADERS_TIMEOUT on POST /session).
 */
async function waitForExit(application, timeout = TIMEOUT) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (!runningPids(application).length) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const left = runningPids(application);
  for (const pid of left) dumpThreads(pid);
  for (const pid of left) {
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
  console.error(`${application} (pid ${left.join(', ')}) was still running ${timeout} ms after its session ended: killed`);
  await new Promise((resolve) => setTimeout(resolve, 500));
}

function runningPids(application) {
  if (process.platform !== 'linux') return [];
  const ours = `XDG_DATA_HOME=${process.env.XDG_DATA_HOME ?? ''}`;
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return (
          readlinkSync(`/proc/${pid}/exe`) === application &&
          readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(ours)
        );
      } catch {
        return false;
      }
    });
}

/**
 * Runs `body`; on failure saves a screenshot and the page source, then rethrows. `app` is the
 * App or a function returning the current one (a test may restart the app midway).
 */
export async function withArtifacts(app, name, body) {
  try {
    await body();
  } catch (error) {
    const current = typeof app === 'function' ? app() : app;
    if (current?.browser) await current.saveArtifacts(name);
    throw error;
  }
}

/**
 * Writes the threads of an app that did not exit to the artifacts folder (where gdb is
 * installed), so the cause of a stuck exit can be read after the run.
 */
function dumpThreads(pid) {
  const dump = spawnSync('gdb', ['-batch', '-p', String(pid), '-ex', 'thread apply all bt'], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (dump.error) return;
  const file = join(artifacts(), `stuck-${pid}-${Date.now()}.txt`);
  writeFileSync(file, `${dump.stdout}\n${dump.stderr}`);
  console.error(`threads of the app that did not exit: ${file}`);
}
