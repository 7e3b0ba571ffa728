#!/usr/bin/python3
"""Run a walk-through written in a Markdown doc, and fail where the doc and
the program disagree.

    doc_walkthrough.py DOC.md SCRATCH DONDOC ROOT

SCRATCH gets a copy of ROOT's rules/ and config/ (as in a fresh checkout)
and ./dondoc, a link to DONDOC. The doc's fenced blocks are then taken in
order, by their info string (docs/writing-rules.md, "How this page is
tested"):

  ```lua file=PATH     write the block to SCRATCH/PATH (folders created)
  ```diff file=PATH    edit SCRATCH/PATH: the block's ' ' and '-' lines
                       must occur once, together, in the file; they are
                       replaced by its ' ' and '+' lines
  ```console           '$ CMD' lines run with sh in SCRATCH, under a
                       terminal (stdout and stderr interleaved as a person
                       sees them); the lines up to the next '$ ' are the
                       output expected. '# exit N' at the end of a command
                       says its exit status (else 0). In the output, a
                       line '…' stands for any lines (or none), a '…'
                       within a line for any text on that line
  ```lua from=PATH     a quote of ROOT/PATH: its pieces between '…' or
                       '-- …' lines occur in that file, in order

Other blocks are not run. Exits 1 at the first disagreement, with the
doc's line, what it says and what happened. With DOC_SHOW=1 in the
environment it prints what each command printed instead, to write the doc.
"""
import os
import pty
import re
import select
import shutil
import subprocess
import sys
import time

FENCE = re.compile(r'^```(\S*)(.*)$')
TIMEOUT = 300   # seconds per command: hang detection only


def blocks(path):
    """Yield (line number of the fence, language, attributes, lines)."""
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        start, lang = i + 1, m.group(1)
        attrs = dict(re.findall(r'(\w+)=(\S+)', m.group(2)))
        body = []
        i += 1
        while i < len(lines) and lines[i] != '```':
            body.append(lines[i])
            i += 1
        if i == len(lines):
            fail(start, 'unclosed fenced block')
        i += 1
        yield start, lang, attrs, body


def fail(line, what):
    print('%s:%d: %s' % (DOC, line, what))
    sys.exit(1)


def inside(root, rel, line):
    """ROOT/REL, refusing paths that leave ROOT."""
    full = os.path.normpath(os.path.join(root, rel))
    if not full.startswith(root + os.sep):
        fail(line, 'path outside the checkout: ' + rel)
    return full


def write_file(line, rel, body):
    full = inside(SCRATCH, rel, line)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, 'w', encoding='utf-8') as f:
        f.write('\n'.join(body) + '\n')


def apply_diff(line, rel, body):
    full = inside(SCRATCH, rel, line)
    old, new = [], []
    for i, l in enumerate(body):
        tag, text = (l[:1], l[1:]) if l else (' ', '')
        if tag not in ' +-':
            fail(line + 1 + i, "a diff line starts with ' ', '-' or '+'")
        if tag in ' -':
            old.append(text)
        if tag in ' +':
            new.append(text)
    with open(full, encoding='utf-8') as f:
        have = f.read().split('\n')
    at = [i for i in range(len(have) - len(old) + 1)
          if have[i:i + len(old)] == old]
    if len(at) != 1:
        fail(line, '%s: the lines to change occur %d times, not once:\n%s'
             % (rel, len(at), '\n'.join(old)))
    have[at[0]:at[0] + len(old)] = new
    with open(full, 'w', encoding='utf-8') as f:
        f.write('\n'.join(have))


def check_quote(line, rel, body):
    with open(inside(ROOT, rel, line), encoding='utf-8') as f:
        have = [l.rstrip() for l in f.read().split('\n')]
    pieces, piece = [], []
    for l in body + ['…']:
        if l.strip() in ('…', '-- …'):
            if piece:
                pieces.append(piece)
            piece = []
        else:
            piece.append(l.rstrip())
    pos = 0
    for p in pieces:
        at = next((i for i in range(pos, len(have) - len(p) + 1)
                   if have[i:i + len(p)] == p), None)
        if at is None:
            fail(line, 'not in %s (after line %d):\n%s' % (rel, pos, '\n'.join(p)))
        pos = at + len(p)


def run_in_terminal(cmd):
    """Run CMD with sh in SCRATCH, stdout and stderr on one terminal."""
    master, slave = pty.openpty()
    env = dict(os.environ)
    env.pop('DONDOC_CONFIG', None)
    p = subprocess.Popen(['sh', '-c', cmd], cwd=SCRATCH, env=env,
                         stdin=subprocess.DEVNULL, stdout=slave, stderr=slave)
    os.close(slave)
    out, deadline = b'', time.time() + TIMEOUT
    while True:
        r, _, _ = select.select([master], [], [], 1)
        if r:
            try:
                data = os.read(master, 65536)
            except OSError:      # EIO: every writer has closed the terminal
                data = b''
            if not data:
                break
            out += data
        elif time.time() > deadline:
            p.kill()
            break
    os.close(master)
    status = p.wait()
    return status, out.decode('utf-8', 'replace').replace('\r\n', '\n')


def pattern(expected):
    """The regular expression an expected output stands for."""
    parts = []
    for l in expected:
        if l.strip() == '…':
            parts.append(r'(?:[^\n]*\n)*?')
        else:
            parts.append('[^\n]*'.join(re.escape(s) for s in l.split('…')) + r'\n')
    return re.compile(''.join(parts))


def trim(lines):
    lines = [l.rstrip() for l in lines]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def run_console(line, body):
    cmds = []
    for i, l in enumerate(body):
        if l.startswith('$ '):
            cmds.append([line + 1 + i, l[2:], []])
        elif cmds:
            cmds[-1][2].append(l)
        elif l.strip():
            fail(line + 1 + i, 'output before any "$ " command')
    for at, cmd, expected in cmds:
        m = re.search(r'#\s*exit\s+(\d+)\s*$', cmd)
        want = int(m.group(1)) if m else 0
        status, out = run_in_terminal(cmd)
        got = trim(out.split('\n'))
        exp = trim(expected)
        text = '\n'.join(got) + '\n' if got else ''
        if os.environ.get('DOC_SHOW'):      # for the doc's author
            print('$ %s   [exit %d]\n%s' % (cmd, status, text))
        elif status != want or not pattern(exp).fullmatch(text):
            fail(at, '$ %s\nexit status: doc %d, program %d\n'
                 '--- the doc shows:\n%s\n--- the program printed:\n%s'
                 % (cmd, want, status, '\n'.join(exp), '\n'.join(got)))
        COUNT['commands'] += 1


def main():
    global DOC, SCRATCH, ROOT
    if len(sys.argv) != 5:
        sys.exit('usage: doc_walkthrough.py DOC.md SCRATCH DONDOC ROOT')
    DOC, SCRATCH, dondoc, ROOT = sys.argv[1:]
    SCRATCH, ROOT = os.path.abspath(SCRATCH), os.path.abspath(ROOT)
    os.makedirs(SCRATCH, exist_ok=True)
    for d in ('rules', 'config'):
        shutil.copytree(os.path.join(ROOT, d), os.path.join(SCRATCH, d))
    os.symlink(os.path.abspath(dondoc), os.path.join(SCRATCH, 'dondoc'))
    for line, lang, attrs, body in blocks(DOC):
        if lang == 'console':
            run_console(line, body)
        elif 'file' in attrs and lang == 'diff':
            apply_diff(line, attrs['file'], body)
            COUNT['edits'] += 1
        elif 'file' in attrs:
            write_file(line, attrs['file'], body)
            COUNT['files'] += 1
        elif 'from' in attrs:
            check_quote(line, attrs['from'], body)
            COUNT['quotes'] += 1
    print('%s: %d files written, %d edits, %d commands, %d quotes agree'
          % (DOC, COUNT['files'], COUNT['edits'], COUNT['commands'],
             COUNT['quotes']))


COUNT = {'files': 0, 'edits': 0, 'commands': 0, 'quotes': 0}
DOC = SCRATCH = ROOT = ''
if __name__ == '__main__':
    main()
