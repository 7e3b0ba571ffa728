#!/usr/bin/python3
"""Open a page in headless Chromium and report what actually rendered.

Drives Debian's chromium over the DevTools protocol on a pipe
(--remote-debugging-pipe: JSON messages ending in NUL on fds 3 and 4), with
nothing but the standard library, so the tests need no npm package:

  browser_cdp.py PAGE.html [--width 1000] [--height 800] [--media print]
                 [--eval FILE.js] [--screenshot OUT.png [--shot-top Y]
                 [--shot-height H]] [--pdf OUT.pdf]
  browser_cdp.py --jobs JOBS.json     several pages, one browser (faster):
                 a list of {"page", "width", … as above, and "screenshots":
                 [{"file", "top" or "selector", "height"}, …]}

prints one JSON object (with --jobs, a list of them, one per page):
  eval       the value of the expression in FILE.js, evaluated after the
             load event (with layout done), returned by value
  console    console messages of the page ({level, text})
  log        the browser's own log entries: failed loads, blocked
             requests, CSP violations … ({source, level, text, url})
  exceptions uncaught exceptions
  requests   every URL the page asked for (the page itself included)
  pdf_pages  with --pdf: the pages Chromium printed, and pdf_sizes their
             [width, height] in points
Exits non-zero when Chromium cannot be started or the page does not load
within the time limit (generous: this is hang detection, not timing).
"""
import argparse
import base64
import json
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time

TIMEOUT = 60


class Browser:
    def __init__(self, profile):
        exe = shutil.which('chromium') or shutil.which('chromium-browser')
        if not exe:
            sys.exit('chromium is not installed')
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()
        cmd = ('exec "$0" --headless --no-sandbox --disable-gpu '
               '--disable-quic --no-first-run --disable-background-networking '
               '--disable-component-update --disable-sync --hide-scrollbars '
               '--remote-debugging-pipe --user-data-dir="$1" about:blank '
               '3<&%d 4>&%d' % (to_chrome_r, from_chrome_w))
        self.err = open(os.path.join(profile, 'chromium.err'), 'w')
        self.proc = subprocess.Popen(
            ['sh', '-c', cmd, exe, profile],
            pass_fds=(to_chrome_r, from_chrome_w), stdin=subprocess.DEVNULL,
            stdout=self.err, stderr=self.err)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.buf = b''
        self.next_id = 0
        self.events = []

    def _recv(self, deadline):
        while b'\0' not in self.buf:
            left = deadline - time.time()
            ready, _, _ = select.select([self.from_chrome], [], [], max(0, left))
            if not ready:
                raise TimeoutError('no answer from chromium')
            chunk = os.read(self.from_chrome, 1 << 20)
            if not chunk:
                raise EOFError('chromium closed the pipe')
            self.buf += chunk
        msg, self.buf = self.buf.split(b'\0', 1)
        return json.loads(msg)

    def call(self, method, params=None, session=None):
        self.next_id += 1
        msg = {'id': self.next_id, 'method': method, 'params': params or {}}
        if session:
            msg['sessionId'] = session
        os.write(self.to_chrome, json.dumps(msg).encode() + b'\0')
        deadline = time.time() + TIMEOUT
        while True:
            m = self._recv(deadline)
            if m.get('id') == self.next_id:
                if 'error' in m:
                    raise RuntimeError('%s: %s' % (method, m['error']))
                return m.get('result', {})
            self.events.append(m)

    def wait_event(self, method, session):
        deadline = time.time() + TIMEOUT
        while not any(e.get('method') == method and
                      e.get('sessionId') == session for e in self.events):
            self.events.append(self._recv(deadline))

    def drain(self, seconds):
        """Collect the events that arrive within `seconds`."""
        deadline = time.time() + seconds
        try:
            while True:
                self.events.append(self._recv(deadline))
        except TimeoutError:
            pass

    def close(self):
        try:
            self.call('Browser.close')
        except (RuntimeError, EOFError, TimeoutError, OSError):
            pass
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.err.close()


def pdf_pages(data):
    sizes = []
    for m in re.finditer(rb'/Type\s*/Page[^s].*?/MediaBox\s*\[([^\]]*)\]',
                         data, re.S):
        nums = [float(x) for x in m.group(1).split()]
        sizes.append([round(nums[2] - nums[0], 1), round(nums[3] - nums[1], 1)])
    return sizes


def screenshot(b, s, width, shot):
    """A PNG of the page from `top` (or from the element `selector`), at
    most `height` pixels tall, into shot['file']."""
    metrics = b.call('Page.getLayoutMetrics', session=s)
    size = metrics.get('cssContentSize') or metrics['contentSize']
    top = shot.get('top', 0)
    if shot.get('selector'):
        r = b.call('Runtime.evaluate', {
            'expression': 'document.querySelector(%s).getBoundingClientRect()'
                          '.top + scrollY' % json.dumps(shot['selector']),
            'returnByValue': True}, session=s)
        top = r['result']['value']
    height = min(size['height'] - top, shot.get('height', 16000))
    png = b.call('Page.captureScreenshot',
                 {'format': 'png', 'captureBeyondViewport': True,
                  'clip': {'x': 0, 'y': top, 'width': width,
                           'height': height, 'scale': 1}}, session=s)
    with open(shot['file'], 'wb') as f:
        f.write(base64.b64decode(png['data']))


def open_page(b, job):
    """Load job['page'] in a new tab of b and do what job asks; returns the
    result object (see the module's doc)."""
    page = job['page']
    width, height = job.get('width', 1000), job.get('height', 800)
    url = page if '://' in page else 'file://' + os.path.abspath(page)
    out = {}
    first = len(b.events)
    target = b.call('Target.createTarget', {'url': 'about:blank'})
    s = b.call('Target.attachToTarget', {'targetId': target['targetId'],
                                         'flatten': True})['sessionId']
    for domain in ('Page', 'Runtime', 'Log', 'Network'):
        b.call(domain + '.enable', session=s)
    b.call('Emulation.setDeviceMetricsOverride',
           {'width': width, 'height': height, 'deviceScaleFactor': 1,
            'mobile': False}, session=s)
    if job.get('media'):
        b.call('Emulation.setEmulatedMedia', {'media': job['media']},
               session=s)
    b.call('Page.navigate', {'url': url}, session=s)
    b.wait_event('Page.loadEventFired', s)
    b.drain(0.3)
    if job.get('eval'):
        r = b.call('Runtime.evaluate',
                   {'expression': open(job['eval']).read(),
                    'returnByValue': True, 'awaitPromise': True}, session=s)
        if 'exceptionDetails' in r:
            out['eval_error'] = r['exceptionDetails'].get('text')
        out['eval'] = r.get('result', {}).get('value')
    shots = job.get('screenshots', [])
    if job.get('screenshot'):
        shots = shots + [{'file': job['screenshot'],
                          'top': job.get('shot_top', 0),
                          'height': job.get('shot_height', 16000)}]
    for shot in shots:
        screenshot(b, s, width, shot)
    if job.get('pdf'):
        pdf = b.call('Page.printToPDF', {'preferCSSPageSize': True,
                                         'printBackground': True}, session=s)
        data = base64.b64decode(pdf['data'])
        with open(job['pdf'], 'wb') as f:
            f.write(data)
        out['pdf_sizes'] = pdf_pages(data)
        out['pdf_pages'] = len(out['pdf_sizes'])
    b.drain(0.2)
    b.call('Target.closeTarget', {'targetId': target['targetId']})
    ev = [e for e in b.events[first:] if e.get('sessionId') == s]
    out['console'] = [{'level': e['params']['type'],
                       'text': ' '.join(str(x.get('value', x.get('description', '')))
                                        for x in e['params'].get('args', []))}
                      for e in ev if e.get('method') == 'Runtime.consoleAPICalled']
    out['log'] = [{k: e['params']['entry'].get(k) for k in
                   ('source', 'level', 'text', 'url')}
                  for e in ev if e.get('method') == 'Log.entryAdded']
    out['exceptions'] = [e['params']['exceptionDetails'].get('text')
                         for e in ev if e.get('method') == 'Runtime.exceptionThrown']
    out['requests'] = [e['params']['request']['url'] for e in ev
                       if e.get('method') == 'Network.requestWillBeSent']
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('page', nargs='?')
    ap.add_argument('--jobs', help='a JSON list of pages to open, each '
                    '{"page", "width", "height", "media", "eval", '
                    '"screenshot", "shot_top", "shot_height", "screenshots", '
                    '"pdf"}')
    ap.add_argument('--width', type=int, default=1000)
    ap.add_argument('--height', type=int, default=800)
    ap.add_argument('--media')
    ap.add_argument('--eval')
    ap.add_argument('--screenshot')
    ap.add_argument('--shot-top', type=int, default=0)
    ap.add_argument('--shot-height', type=int, default=16000)
    ap.add_argument('--pdf')
    a = ap.parse_args()
    if a.jobs:
        jobs = json.load(open(a.jobs))
    elif a.page:
        jobs = [{'page': a.page, 'width': a.width, 'height': a.height,
                 'media': a.media, 'eval': a.eval, 'screenshot': a.screenshot,
                 'shot_top': a.shot_top, 'shot_height': a.shot_height,
                 'pdf': a.pdf}]
    else:
        ap.error('a page or --jobs')
    profile = tempfile.mkdtemp(prefix='dondoc-chromium.')
    b = Browser(profile)
    try:
        results = [open_page(b, job) for job in jobs]
    finally:
        b.close()
        shutil.rmtree(profile, ignore_errors=True)
    json.dump(results if a.jobs else results[0], sys.stdout,
              ensure_ascii=False, indent=1)
    print()


if __name__ == '__main__':
    main()
