// An independent reader of the PDFs the app writes: Debian's pypdf, through the system Python.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

/** The PDF's text as pypdf reads it, without white space (readers space kerned glyphs apart). */
export function pdfText(path) {
  const script = 'import sys, pypdf\nprint("".join(p.extract_text() for p in pypdf.PdfReader(sys.argv[1]).pages))';
  const run = spawnSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.replace(/\s+/g, '');
}
